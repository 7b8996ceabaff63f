# Once per AWS account, by an administrator, with local state (it creates the remote state's home):
#   terraform init && terraform apply -var github_repository=<org>/<repo> -var environment=prod
# Creates the Terraform state bucket and lock table, GitHub's OIDC identity provider and the role the
# deploy workflow assumes from the GitHub environments of this account. Everything else is applied
# by the workflow from terraform/.
terraform {
  required_version = ">= 1.6.0"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.80"
    }
  }
}

provider "aws" {
  region = var.aws_region
  default_tags {
    tags = {
      Application = "healthmed"
      Environment = var.environment
      ManagedBy   = "terraform-bootstrap"
    }
  }
}

variable "environment" {
  type        = string
  description = "The environment this account hosts (one account per environment)."
  validation {
    condition     = contains(["staging", "prod"], var.environment)
    error_message = "environment must be \"staging\" or \"prod\"."
  }
}

variable "aws_region" {
  type        = string
  description = "Region of the state bucket and lock table (the environment's region)."
  default     = "sa-east-1"
  validation {
    condition     = can(regex("^[a-z]{2}(-[a-z]+)+-[0-9]$", var.aws_region))
    error_message = "aws_region must be an AWS region name such as sa-east-1."
  }
}

variable "github_repository" {
  type        = string
  description = "The GitHub repository (<owner>/<name>) whose deploy workflow may assume the deploy role."
  validation {
    condition     = can(regex("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", var.github_repository))
    error_message = "github_repository must be <owner>/<name>."
  }
}

data "aws_caller_identity" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  # the GitHub environments of deploy.yml that act in this account
  github_subjects = [
    "repo:${var.github_repository}:environment:${var.environment}",
    "repo:${var.github_repository}:environment:${var.environment}-plan",
    "repo:${var.github_repository}:environment:registry",
  ]
}

# --- remote state -------------------------------------------------------------------------------

resource "aws_s3_bucket" "state" {
  bucket = "healthmed-terraform-state-${local.account_id}"
  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_s3_bucket_versioning" "state" {
  bucket = aws_s3_bucket.state.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "state" {
  bucket = aws_s3_bucket.state.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_public_access_block" "state" {
  bucket                  = aws_s3_bucket.state.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_policy" "state" {
  bucket     = aws_s3_bucket.state.id
  policy     = data.aws_iam_policy_document.state_bucket.json
  depends_on = [aws_s3_bucket_public_access_block.state]
}

data "aws_iam_policy_document" "state_bucket" {
  statement {
    sid       = "DenyWithoutTls"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.state.arn, "${aws_s3_bucket.state.arn}/*"]
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
}

resource "aws_dynamodb_table" "locks" {
  name                        = "healthmed-terraform-locks"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "LockID"
  deletion_protection_enabled = true

  attribute {
    name = "LockID"
    type = "S"
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled = true
  }
}

# --- GitHub Actions through OIDC ------------------------------------------------------------------

# IAM no longer checks GitHub's certificate thumbprint (it trusts its root CAs); the list stays for
# older providers.
resource "aws_iam_openid_connect_provider" "github" {
  url             = "https://token.actions.githubusercontent.com"
  client_id_list  = ["sts.amazonaws.com"]
  thumbprint_list = ["6938fd4d98bab03faadb97b34396831e3780aea1"]
}

resource "aws_iam_role" "deploy" {
  # not healthmed-<env>-*: the role may manage those roles, never itself
  name                 = "healthmed-deploy-${var.environment}"
  description          = "Assumed by ${var.github_repository}'s deploy workflow (GitHub environments of ${var.environment})"
  assume_role_policy   = data.aws_iam_policy_document.deploy_trust.json
  max_session_duration = 3600
}

data "aws_iam_policy_document" "deploy_trust" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.github.arn]
    }
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }
    # only this repository's jobs that run in one of this account's GitHub environments
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values   = local.github_subjects
    }
  }
}

# Terraform manages a whole environment with this role (tables, buckets, keys, IAM roles, Redis ...):
# it needs broad rights in this account, which is why the account holds one environment only and
# the trust above admits nothing but this repository's environment-bound jobs.
resource "aws_iam_role_policy_attachment" "deploy" {
  role       = aws_iam_role.deploy.name
  policy_arn = "arn:aws:iam::aws:policy/PowerUserAccess"
}

# PowerUserAccess excludes IAM: the roles of terraform/ are all named healthmed-<env>-*. (A permissions
# boundary on the roles it creates would also stop the pipeline from minting a broader role.)
resource "aws_iam_role_policy" "deploy_iam" {
  name   = "healthmed-iam"
  role   = aws_iam_role.deploy.id
  policy = data.aws_iam_policy_document.deploy_iam.json
}

data "aws_iam_policy_document" "deploy_iam" {
  statement {
    sid     = "ServiceRolesOfThisApplication"
    actions = [
      "iam:CreateRole", "iam:DeleteRole", "iam:GetRole", "iam:UpdateRole", "iam:TagRole", "iam:UntagRole",
      "iam:UpdateAssumeRolePolicy", "iam:PutRolePolicy", "iam:GetRolePolicy", "iam:DeleteRolePolicy",
      "iam:ListRolePolicies", "iam:ListAttachedRolePolicies", "iam:ListInstanceProfilesForRole",
    ]
    resources = ["arn:aws:iam::${local.account_id}:role/healthmed-${var.environment}-*"]
  }
}

output "state_bucket" {
  description = "GitHub variable TF_STATE_BUCKET"
  value       = aws_s3_bucket.state.bucket
}

output "lock_table" {
  description = "GitHub variable TF_LOCK_TABLE"
  value       = aws_dynamodb_table.locks.name
}

output "deploy_role_arn" {
  description = "GitHub variable AWS_DEPLOY_ROLE_ARN of the environments registry, <env>-plan and <env>"
  value       = aws_iam_role.deploy.arn
}
