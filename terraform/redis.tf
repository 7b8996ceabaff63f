# Redis for the event fan-out across instances (healthmed.events=redis): a primary and replicas in
# other availability zones with automatic failover, TLS in transit, an auth token, encrypted at rest.
# Cluster mode off: pub/sub on the primary endpoint.
resource "random_password" "redis_auth_token" {
  length  = 64
  special = false
}

resource "aws_elasticache_subnet_group" "redis" {
  name       = local.name
  subnet_ids = var.private_subnet_ids
}

resource "aws_security_group" "redis" {
  name        = "${local.name}-redis"
  description = "Redis of ${local.name}: reachable from the EKS nodes only"
  vpc_id      = var.vpc_id
}

resource "aws_vpc_security_group_ingress_rule" "redis_from_eks" {
  for_each                     = toset(var.eks_node_security_group_ids)
  security_group_id            = aws_security_group.redis.id
  referenced_security_group_id = each.value
  ip_protocol                  = "tcp"
  from_port                    = 6379
  to_port                      = 6379
  description                  = "Redis (TLS) from the EKS nodes"
}

resource "aws_elasticache_replication_group" "redis" {
  replication_group_id       = local.name
  description                = "Health&Med ${var.environment}: live events across instances"
  engine                     = "redis"
  engine_version             = "7.1"
  parameter_group_name       = "default.redis7"
  node_type                  = var.redis_node_type
  num_cache_clusters         = var.redis_replicas
  port                       = 6379
  automatic_failover_enabled = true
  multi_az_enabled           = true
  subnet_group_name          = aws_elasticache_subnet_group.redis.name
  security_group_ids         = [aws_security_group.redis.id]
  transit_encryption_enabled = true
  transit_encryption_mode    = "required"
  auth_token                 = random_password.redis_auth_token.result
  auth_token_update_strategy = "ROTATE"
  at_rest_encryption_enabled = true
  kms_key_id                 = aws_kms_key.data.arn
  snapshot_retention_limit   = 1
  maintenance_window         = "sun:06:00-sun:07:00"
  snapshot_window            = "04:00-05:00"
  apply_immediately          = false
  auto_minor_version_upgrade = true
}
