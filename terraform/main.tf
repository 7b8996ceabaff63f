data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}

locals {
  name       = "${var.name_prefix}-${var.environment}"
  account_id = data.aws_caller_identity.current.account_id
  # the EKS OIDC issuer without scheme, as IAM condition keys name it
  oidc_issuer = replace(var.eks_oidc_provider_arn, "/^arn:aws:iam::[0-9]+:oidc-provider\\//", "")
  # health-record files live under this prefix of the bucket (records.blob.S3BlobStore)
  records_prefix = "records/"
}
