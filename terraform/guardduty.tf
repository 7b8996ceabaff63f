# Malware scanning of health-record files: GuardDuty Malware Protection for S3 scans every object
# uploaded under records/ and tags it GuardDutyMalwareScanStatus = NO_THREATS_FOUND | THREATS_FOUND |
# UNSUPPORTED | ACCESS_DENIED | FAILED. The service serves and shares a file only once it is tagged
# NO_THREATS_FOUND (records.MalwareScans), and the bucket policy (s3.tf) refuses presigned reads of any
# other object, so a bug in the service cannot serve an unscanned file either.
# Works with or without a GuardDuty detector in the account (without one, no findings, only the tags).
resource "aws_guardduty_malware_protection_plan" "records" {
  role = aws_iam_role.malware_protection.arn

  protected_resource {
    s3_bucket {
      bucket_name     = aws_s3_bucket.records.id
      object_prefixes = [local.records_prefix]
    }
  }

  actions {
    tagging {
      status = "ENABLED"
    }
  }

  depends_on = [aws_iam_role_policy.malware_protection]
}

# The role GuardDuty assumes to scan and tag this bucket's objects (AWS's documented policy for
# Malware Protection for S3, narrowed to this bucket, its records/ prefix and the data key).
resource "aws_iam_role" "malware_protection" {
  name               = "${local.name}-malware-protection"
  description        = "GuardDuty Malware Protection for S3 on the ${var.environment} records bucket"
  assume_role_policy = data.aws_iam_policy_document.malware_protection_trust.json
}

data "aws_iam_policy_document" "malware_protection_trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["malware-protection-plan.guardduty.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }
}

resource "aws_iam_role_policy" "malware_protection" {
  name   = "scan-and-tag-records"
  role   = aws_iam_role.malware_protection.id
  policy = data.aws_iam_policy_document.malware_protection.json
}

locals {
  # The EventBridge rule GuardDuty creates and manages to hear of new objects.
  malware_protection_rule_arn = "arn:${data.aws_partition.current.partition}:events:${var.aws_region}:${local.account_id}:rule/DO-NOT-DELETE-AmazonGuardDutyMalwareProtectionS3*"
}

data "aws_iam_policy_document" "malware_protection" {
  statement {
    sid       = "AllowManagedRuleToSendS3EventsToGuardDuty"
    actions   = ["events:PutRule", "events:DeleteRule", "events:PutTargets", "events:RemoveTargets"]
    resources = [local.malware_protection_rule_arn]
    condition {
      test     = "StringLike"
      variable = "events:ManagedBy"
      values   = ["malware-protection-plan.guardduty.amazonaws.com"]
    }
  }

  statement {
    sid       = "AllowGuardDutyToMonitorEventBridgeManagedRule"
    actions   = ["events:DescribeRule", "events:ListTargetsByRule"]
    resources = [local.malware_protection_rule_arn]
  }

  statement {
    sid       = "AllowPostScanTag"
    actions   = ["s3:PutObjectTagging", "s3:GetObjectTagging", "s3:PutObjectVersionTagging", "s3:GetObjectVersionTagging"]
    resources = ["${aws_s3_bucket.records.arn}/${local.records_prefix}*"]
  }

  statement {
    sid       = "AllowEnableS3EventBridgeEvents"
    actions   = ["s3:PutBucketNotification", "s3:GetBucketNotification"]
    resources = [aws_s3_bucket.records.arn]
  }

  statement {
    sid       = "AllowPutValidationObject"
    actions   = ["s3:PutObject"]
    resources = ["${aws_s3_bucket.records.arn}/malware-protection-resource-validation-object"]
  }

  statement {
    sid       = "AllowCheckBucketOwnership"
    actions   = ["s3:ListBucket"]
    resources = [aws_s3_bucket.records.arn]
  }

  statement {
    sid       = "AllowMalwareScan"
    actions   = ["s3:GetObject", "s3:GetObjectVersion"]
    resources = ["${aws_s3_bucket.records.arn}/${local.records_prefix}*"]
  }

  # Objects are SSE-KMS with the data key: reading them to scan, and writing the validation object.
  statement {
    sid       = "AllowDecryptForMalwareScan"
    actions   = ["kms:GenerateDataKey", "kms:Decrypt"]
    resources = [aws_kms_key.data.arn]
    condition {
      test     = "StringLike"
      variable = "kms:ViaService"
      values   = ["s3.${var.aws_region}.amazonaws.com"]
    }
  }
}
