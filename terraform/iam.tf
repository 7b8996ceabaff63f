# The pods' role (IAM Roles for Service Accounts): assumed only by the chart's service account in
# its namespace, allowed only what the service does, on this environment's resources only.
resource "aws_iam_role" "service" {
  name                 = "${local.name}-service"
  description          = "Health&Med ${var.environment} pods (IRSA: ${var.kubernetes_namespace}/${var.kubernetes_service_account})"
  assume_role_policy   = data.aws_iam_policy_document.service_trust.json
  max_session_duration = 3600
}

data "aws_iam_policy_document" "service_trust" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [var.eks_oidc_provider_arn]
    }
    condition {
      test     = "StringEquals"
      variable = "${local.oidc_issuer}:sub"
      values   = ["system:serviceaccount:${var.kubernetes_namespace}:${var.kubernetes_service_account}"]
    }
    condition {
      test     = "StringEquals"
      variable = "${local.oidc_issuer}:aud"
      values   = ["sts.amazonaws.com"]
    }
  }
}

resource "aws_iam_role_policy" "service" {
  name   = "least-privilege"
  role   = aws_iam_role.service.id
  policy = data.aws_iam_policy_document.service.json
}

data "aws_iam_policy_document" "service" {
  # The single table and its indexes; item operations only (no Scan, no table management) and
  # DescribeTable for the readiness check.
  statement {
    sid     = "Table"
    actions = [
      "dynamodb:GetItem",
      "dynamodb:BatchGetItem",
      "dynamodb:Query",
      "dynamodb:PutItem",
      "dynamodb:UpdateItem",
      "dynamodb:DeleteItem",
      "dynamodb:BatchWriteItem",
      "dynamodb:ConditionCheckItem",
      "dynamodb:DescribeTable",
    ]
    resources = [
      aws_dynamodb_table.main.arn,
      "${aws_dynamodb_table.main.arn}/index/*",
    ]
  }

  # Health-record files: only objects under records/ of this bucket. GetObjectTagging reads GuardDuty's
  # malware-scan verdict (guardduty.tf) before a file is served or shared.
  statement {
    sid     = "RecordObjects"
    actions = [
      "s3:GetObject",
      "s3:PutObject",
      "s3:DeleteObject",
      "s3:GetObjectTagging",
      "s3:PutObjectTagging",
      "s3:DeleteObjectTagging",
    ]
    resources = ["${aws_s3_bucket.records.arn}/${local.records_prefix}*"]
  }

  # HeadBucket (the readiness check) and a 404 rather than a 403 for a missing upload need
  # s3:ListBucket; a listing that names a prefix must name records/.
  statement {
    sid       = "RecordBucket"
    actions   = ["s3:ListBucket"]
    resources = [aws_s3_bucket.records.arn]
    condition {
      test     = "StringLikeIfExists"
      variable = "s3:prefix"
      values   = ["${local.records_prefix}*"]
    }
  }

  # The data key, only through the services that use it on the service's behalf.
  statement {
    sid       = "DataKey"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey"]
    resources = [aws_kms_key.data.arn]
    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = [
        "s3.${var.aws_region}.amazonaws.com",
        "dynamodb.${var.aws_region}.amazonaws.com",
        "secretsmanager.${var.aws_region}.amazonaws.com",
      ]
    }
  }

  # Geocoding with this place index.
  statement {
    sid       = "PlaceIndex"
    actions   = ["geo:SearchPlaceIndexForText", "geo:SearchPlaceIndexForPosition"]
    resources = [aws_location_place_index.main.index_arn]
  }

  # E-mail: only from the domain identity, only as the service's sender address, only with its
  # configuration set (SES authorizes SendEmail on the identity and on the set).
  statement {
    sid       = "SendMail"
    actions   = ["ses:SendEmail"]
    resources = [aws_sesv2_email_identity.mail.arn, aws_sesv2_configuration_set.mail.arn]
    condition {
      test     = "StringEquals"
      variable = "ses:FromAddress"
      values   = [local.mail_from_address]
    }
  }

  # The secrets the Secrets Store CSI driver mounts (it fetches them with the pod's role).
  statement {
    sid       = "Secrets"
    actions   = ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"]
    resources = [
      aws_secretsmanager_secret.jwt_signing_key.arn,
      aws_secretsmanager_secret.jwt_previous_public_keys.arn,
      aws_secretsmanager_secret.redis_auth_token.arn,
      aws_secretsmanager_secret.booking_origin_key.arn,
    ]
  }
}
