# Health-record files (module records): private, versioned, SSE-KMS with S3 Bucket Keys, TLS only.
# Browsers upload and download with presigned URLs, hence CORS for the web origins.
resource "aws_s3_bucket" "records" {
  bucket = "${local.name}-records-${local.account_id}"

  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_s3_bucket_ownership_controls" "records" {
  bucket = aws_s3_bucket.records.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_public_access_block" "records" {
  bucket                  = aws_s3_bucket.records.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_versioning" "records" {
  bucket = aws_s3_bucket.records.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "records" {
  bucket = aws_s3_bucket.records.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.data.arn
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "records" {
  bucket = aws_s3_bucket.records.id

  rule {
    id     = "abort-incomplete-multipart-uploads"
    status = "Enabled"
    filter {}
    abort_incomplete_multipart_upload {
      days_after_initiation = 1
    }
  }

  # An upload whose intent expired before it was confirmed: the records module uploads with the
  # tag healthmed-upload=pending and removes it on confirmation; what is still pending goes.
  rule {
    id     = "expire-unconfirmed-uploads"
    status = "Enabled"
    filter {
      and {
        prefix = local.records_prefix
        tags   = {
          "healthmed-upload" = "pending"
        }
      }
    }
    expiration {
      days = var.upload_intent_expiry_days
    }
  }

  # A deleted or replaced file stays recoverable for a while, then is really gone (LGPD erasure).
  rule {
    id     = "expire-noncurrent-versions"
    status = "Enabled"
    filter {}
    noncurrent_version_expiration {
      noncurrent_days = var.records_noncurrent_version_days
    }
    expiration {
      expired_object_delete_marker = true
    }
  }

  depends_on = [aws_s3_bucket_versioning.records]
}

resource "aws_s3_bucket_cors_configuration" "records" {
  bucket = aws_s3_bucket.records.id
  # allowed_headers: what a presigned PUT signs: content type, SSE-KMS, tagging and checksums (x-amz-*)
  cors_rule {
    allowed_origins = var.web_origins
    allowed_methods = ["GET", "HEAD", "PUT"]
    allowed_headers = ["content-type", "content-md5", "x-amz-*"]
    expose_headers  = ["ETag"]
    max_age_seconds = 3600
  }
}

# The public access block first, so this policy can never be public.
resource "aws_s3_bucket_policy" "records" {
  bucket     = aws_s3_bucket.records.id
  policy     = data.aws_iam_policy_document.records_bucket.json
  depends_on = [aws_s3_bucket_public_access_block.records]
}

data "aws_iam_policy_document" "records_bucket" {
  statement {
    sid       = "DenyWithoutTls"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [
      aws_s3_bucket.records.arn,
      "${aws_s3_bucket.records.arn}/*",
    ]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }

  statement {
    sid       = "DenyOldTls"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.records.arn, "${aws_s3_bucket.records.arn}/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "NumericLessThan"
      variable = "s3:TlsVersion"
      values   = ["1.2"]
    }
  }

  # Defence in depth behind the service's malware gate (records.MalwareScans): a presigned GET (how
  # clients download) is refused for any object GuardDuty has not tagged NO_THREATS_FOUND. The
  # service's own reads (first bytes at completion, before the scan) are signed in headers, not URLs.
  statement {
    sid       = "DenyPresignedReadsOfUnscannedOrInfectedObjects"
    effect    = "Deny"
    actions   = ["s3:GetObject", "s3:GetObjectVersion"]
    resources = ["${aws_s3_bucket.records.arn}/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "StringEquals"
      variable = "s3:authType"
      values   = ["REST-QUERY-STRING"]
    }
    condition {
      test     = "StringNotEquals"
      variable = "s3:ExistingObjectTag/GuardDutyMalwareScanStatus"
      values   = ["NO_THREATS_FOUND"]
    }
  }

  # Only GuardDuty writes the scan tag: nobody else may set it (and so whitewash an object).
  statement {
    sid       = "DenyScanTagWritesButGuardDutys"
    effect    = "Deny"
    actions   = ["s3:PutObject", "s3:PutObjectTagging", "s3:PutObjectVersionTagging"]
    resources = ["${aws_s3_bucket.records.arn}/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "ForAnyValue:StringEquals"
      variable = "s3:RequestObjectTagKeys"
      values   = ["GuardDutyMalwareScanStatus"]
    }
    condition {
      test     = "ArnNotEquals"
      variable = "aws:PrincipalArn"
      values   = [aws_iam_role.malware_protection.arn]
    }
  }

  # Objects are encrypted with this key only (a PUT naming another key is refused).
  statement {
    sid       = "DenyOtherKmsKeys"
    effect    = "Deny"
    actions   = ["s3:PutObject"]
    resources = ["${aws_s3_bucket.records.arn}/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "StringNotEqualsIfExists"
      variable = "s3:x-amz-server-side-encryption-aws-kms-key-id"
      values   = [aws_kms_key.data.arn]
    }
  }
}
