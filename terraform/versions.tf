terraform {
  required_version = ">= 1.6.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.80"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.6"
    }
  }

  # Remote state in S3 with a DynamoDB lock table; the values per environment are in
  # backend-<env>.hcl (see backend.hcl.example): terraform init -backend-config=backend-prod.hcl
  backend "s3" {}
}

provider "aws" {
  region = var.aws_region

  default_tags {
    tags = {
      Application = "healthmed"
      Environment = var.environment
      ManagedBy   = "terraform"
      DataClass   = "health-lgpd"
    }
  }
}
