variable "environment" {
  type        = string
  description = "Deployment environment; part of every resource name."
  validation {
    condition     = contains(["staging", "prod"], var.environment)
    error_message = "environment must be \"staging\" or \"prod\"."
  }
}

variable "aws_region" {
  type        = string
  description = "AWS region of every resource (and of the EKS cluster). Health data stays in Brazil: sa-east-1."
  default     = "sa-east-1"
  validation {
    condition     = can(regex("^[a-z]{2}(-[a-z]+)+-[0-9]$", var.aws_region))
    error_message = "aws_region must be an AWS region name such as sa-east-1."
  }
}

variable "name_prefix" {
  type        = string
  description = "Prefix of resource names: <name_prefix>-<environment>."
  default     = "healthmed"
  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,20}$", var.name_prefix))
    error_message = "name_prefix must be 2-21 lower-case letters, digits or dashes, starting with a letter."
  }
}

variable "eks_oidc_provider_arn" {
  type        = string
  description = "ARN of the EKS cluster's IAM OIDC provider (IAM Roles for Service Accounts)."
  validation {
    condition     = can(regex("^arn:aws:iam::[0-9]{12}:oidc-provider/oidc\\.eks\\.[a-z0-9-]+\\.amazonaws\\.com/id/[A-Z0-9]+$", var.eks_oidc_provider_arn))
    error_message = "eks_oidc_provider_arn must be an EKS OIDC provider ARN (arn:aws:iam::<account>:oidc-provider/oidc.eks.<region>.amazonaws.com/id/<id>)."
  }
}

variable "kubernetes_namespace" {
  type        = string
  description = "Namespace the Helm release is installed in."
  default     = "healthmed"
  validation {
    condition     = can(regex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", var.kubernetes_namespace))
    error_message = "kubernetes_namespace must be a DNS label."
  }
}

variable "kubernetes_service_account" {
  type        = string
  description = "Service account of the pods (the chart's full name: the release name, healthmed)."
  default     = "healthmed"
  validation {
    condition     = can(regex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", var.kubernetes_service_account))
    error_message = "kubernetes_service_account must be a DNS label."
  }
}

variable "vpc_id" {
  type        = string
  description = "VPC of the EKS cluster; the Redis replication group is placed in it."
  validation {
    condition     = can(regex("^vpc-[0-9a-f]{8,17}$", var.vpc_id))
    error_message = "vpc_id must be a VPC id (vpc-...)."
  }
}

variable "private_subnet_ids" {
  type        = list(string)
  description = "Private subnets, in at least two availability zones, for the Redis nodes."
  validation {
    condition     = length(var.private_subnet_ids) >= 2 && alltrue([for s in var.private_subnet_ids : can(regex("^subnet-[0-9a-f]{8,17}$", s))])
    error_message = "private_subnet_ids must list at least two subnet ids (subnet-...), one per availability zone."
  }
}

variable "load_balancer_subnet_cidrs" {
  type        = list(string)
  description = "CIDRs of the subnets the ALB sits in (the VPC's public subnets): the only peers whose X-Forwarded-For the service believes, and the only sources its NetworkPolicy admits. Not the VPC's CIDR, which holds every pod."
  validation {
    condition     = length(var.load_balancer_subnet_cidrs) >= 1 && alltrue([for c in var.load_balancer_subnet_cidrs : can(cidrnetmask(c)) && tonumber(split("/", c)[1]) >= 16])
    error_message = "load_balancer_subnet_cidrs must list the ALB subnets' IPv4 CIDRs, each /16 or narrower."
  }
}

variable "eks_node_security_group_ids" {
  type        = list(string)
  description = "Security groups of the EKS nodes (or pods): the only sources allowed to reach Redis."
  validation {
    condition     = length(var.eks_node_security_group_ids) >= 1 && alltrue([for g in var.eks_node_security_group_ids : can(regex("^sg-[0-9a-f]{8,17}$", g))])
    error_message = "eks_node_security_group_ids must list security group ids (sg-...)."
  }
}

variable "web_origins" {
  type        = list(string)
  description = "Browser origins of the web front-ends: CORS of the records bucket (presigned PUT/GET) and of the API (healthmed.web.allowed-origins)."
  validation {
    condition     = length(var.web_origins) >= 1 && alltrue([for o in var.web_origins : can(regex("^https://[a-z0-9.-]+(:[0-9]+)?$", o))])
    error_message = "web_origins must be https:// origins without a path or wildcard."
  }
}

variable "redis_node_type" {
  type        = string
  description = "ElastiCache node type of the Redis replication group (events fan-out: memory-light, network-heavy)."
  default     = "cache.r7g.large"
  validation {
    condition     = can(regex("^cache\\.[a-z0-9]+\\.[a-z0-9]+$", var.redis_node_type))
    error_message = "redis_node_type must be an ElastiCache node type such as cache.r7g.large."
  }
}

variable "redis_replicas" {
  type        = number
  description = "Redis nodes in the replication group (primary included); at least 2 for multi-AZ failover."
  default     = 2
  validation {
    condition     = var.redis_replicas >= 2 && var.redis_replicas <= 6
    error_message = "redis_replicas must be between 2 and 6: one primary and at least one replica in another zone."
  }
}

variable "records_noncurrent_version_days" {
  type        = number
  description = "Days a deleted or replaced health-record file stays recoverable (noncurrent version) before S3 removes it. At least the table's point-in-time recovery window (35 days), so a table restored to any instant it allows finds its files' bytes (docs/reliability.md, Disaster recovery)."
  default     = 35
  validation {
    condition     = var.records_noncurrent_version_days >= 35 && var.records_noncurrent_version_days <= 365
    error_message = "records_noncurrent_version_days must be between 35 (the table's point-in-time recovery window) and 365."
  }
}

variable "upload_intent_expiry_days" {
  type        = number
  description = "Days after which an upload never confirmed (object still tagged healthmed-upload=pending) is deleted."
  default     = 2
  validation {
    condition     = var.upload_intent_expiry_days >= 1 && var.upload_intent_expiry_days <= 30
    error_message = "upload_intent_expiry_days must be between 1 and 30."
  }
}

variable "log_retention_days" {
  type        = number
  description = "Retention of the application's CloudWatch log group."
  default     = 90
  validation {
    condition     = contains([7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1827, 3653], var.log_retention_days)
    error_message = "log_retention_days must be a retention CloudWatch Logs accepts (7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1827, 3653)."
  }
}

variable "alb_name" {
  type        = string
  description = "Name of the ALB the chart's ingress creates (ingress.loadBalancerName, <name_prefix>-<environment>). Empty until the first Helm release exists: the ALB alarms are created on the next apply."
  default     = ""
  validation {
    condition     = var.alb_name == "" || can(regex("^[a-zA-Z0-9-]{1,32}$", var.alb_name))
    error_message = "alb_name must be empty or an ALB name (at most 32 letters, digits or dashes)."
  }
}

variable "alarm_email" {
  type        = string
  description = "E-mail address subscribed to the alarm topic (empty: none; subscribe a pager instead)."
  default     = ""
  validation {
    condition     = var.alarm_email == "" || can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", var.alarm_email))
    error_message = "alarm_email must be empty or an e-mail address."
  }
}

variable "alarm_5xx_percent" {
  type        = number
  description = "Alarm when more than this percentage of requests end in a 5xx (ALB or target) over 5 minutes."
  default     = 1
  validation {
    condition     = var.alarm_5xx_percent > 0 && var.alarm_5xx_percent <= 50
    error_message = "alarm_5xx_percent must be in (0, 50]."
  }
}

variable "alarm_p99_latency_seconds" {
  type        = number
  description = "Alarm when the p99 target response time exceeds this many seconds for 5 minutes."
  default     = 1.5
  validation {
    condition     = var.alarm_p99_latency_seconds > 0 && var.alarm_p99_latency_seconds <= 60
    error_message = "alarm_p99_latency_seconds must be in (0, 60]."
  }
}

variable "create_ecr_repository" {
  type        = bool
  description = "Create the ECR repository the deploy workflow pushes to (false when images live in another account's registry)."
  default     = true
}

variable "mail_domain" {
  type        = string
  description = "Domain the service's e-mails are sent from (SES domain identity with DKIM); the sender is nao-responda@<mail_domain>."
  validation {
    condition     = can(regex("^([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,}$", var.mail_domain))
    error_message = "mail_domain must be a lower-case domain name such as healthmed.com.br."
  }
}

variable "mail_route53_zone_id" {
  type        = string
  description = "Route 53 hosted zone of mail_domain, to publish its DKIM and DMARC records; empty to publish them elsewhere (output ses_dkim_records)."
  default     = ""
  validation {
    condition     = var.mail_route53_zone_id == "" || can(regex("^Z[A-Z0-9]{1,31}$", var.mail_route53_zone_id))
    error_message = "mail_route53_zone_id must be a Route 53 hosted zone id (Z...) or empty."
  }
}
