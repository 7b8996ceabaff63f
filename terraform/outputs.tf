# Each output feeds one Helm value (README "Deploying to AWS"; the deploy workflow passes them).

output "aws_region" {
  description = "Helm aws.region"
  value       = var.aws_region
}

output "service_role_arn" {
  description = "Helm serviceAccount.roleArn (IRSA)"
  value       = aws_iam_role.service.arn
}

output "dynamodb_table_name" {
  description = "Helm config.dynamodbTable (healthmed.dynamodb.table-name)"
  value       = aws_dynamodb_table.main.name
}

output "records_bucket_name" {
  description = "Helm config.s3Bucket (healthmed.s3.bucket)"
  value       = aws_s3_bucket.records.bucket
}

output "kms_key_arn" {
  description = "Helm config.s3KmsKeyId (healthmed.s3.kms-key-id)"
  value       = aws_kms_key.data.arn
}

output "place_index_name" {
  description = "Helm config.placeIndex (healthmed.location.place-index)"
  value       = aws_location_place_index.main.index_name
}

output "redis_primary_endpoint" {
  description = "Helm config.redisHost (spring.data.redis.host)"
  value       = aws_elasticache_replication_group.redis.primary_endpoint_address
}

output "redis_port" {
  description = "Helm config.redisPort (spring.data.redis.port)"
  value       = aws_elasticache_replication_group.redis.port
}

output "jwt_signing_key_secret" {
  description = "Helm secrets.jwtPrivateKey; put the key's value into it before the first release"
  value       = aws_secretsmanager_secret.jwt_signing_key.name
}

output "jwt_previous_public_keys_secret" {
  description = "Helm secrets.jwtPreviousPublicKeys, during a signing-key rotation"
  value       = aws_secretsmanager_secret.jwt_previous_public_keys.name
}

output "booking_origin_key_secret" {
  description = "Helm secrets.bookingOriginKey"
  value       = aws_secretsmanager_secret.booking_origin_key.name
}

output "redis_auth_token_secret" {
  description = "Helm secrets.redisAuthToken"
  value       = aws_secretsmanager_secret.redis_auth_token.name
}

output "web_origins" {
  description = "Helm config.allowedOrigins (comma-separated)"
  value       = join(",", var.web_origins)
}

output "load_balancer_cidrs" {
  description = "Helm loadBalancerCidrs (comma-separated): trusted proxies and NetworkPolicy sources"
  value       = join(",", var.load_balancer_subnet_cidrs)
}

output "ecr_repository_url" {
  description = "Helm image.repository (and the deploy workflow's registry)"
  value       = var.create_ecr_repository ? aws_ecr_repository.api[0].repository_url : ""
}

output "log_group_name" {
  description = "Where the cluster's log shipper sends the pods' JSON lines"
  value       = aws_cloudwatch_log_group.application.name
}

output "alarm_topic_arn" {
  description = "SNS topic of the alarms; subscribe the on-call pager"
  value       = aws_sns_topic.alarms.arn
}

output "mail_from_address" {
  description = "Helm config.mailFromAddress (healthmed.notifications.from-address), with a display name: Health&Med <address>"
  value       = local.mail_from_address
}

output "ses_configuration_set" {
  description = "Helm config.sesConfigurationSet (healthmed.notifications.ses.configuration-set)"
  value       = aws_sesv2_configuration_set.mail.configuration_set_name
}

output "ses_dkim_records" {
  description = "DKIM CNAME records of mail_domain, to publish when mail_route53_zone_id is empty"
  value       = [for token in aws_sesv2_email_identity.mail.dkim_signing_attributes[0].tokens : "${token}._domainkey.${var.mail_domain} CNAME ${token}.dkim.amazonses.com"]
}
