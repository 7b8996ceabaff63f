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
