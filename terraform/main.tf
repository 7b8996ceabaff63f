data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}

# oidc_issuer: the EKS OIDC issuer without scheme, as IAM condition keys name it.
# records_prefix: health-record files live under this prefix of the bucket (records.blob.S3BlobStore).
locals {
  name           = "${var.name_prefix}-${var.environment}"
  account_id     = data.aws_caller_identity.current.account_id
  oidc_issuer    = replace(var.eks_oidc_provider_arn, "/^arn:aws:iam::[0-9]+:oidc-provider\\//", "")
  records_prefix = "records/"
}
