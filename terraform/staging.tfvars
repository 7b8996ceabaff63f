# terraform plan -var-file=staging.tfvars   (ids below are examples: the staging account's own)
environment                 = "staging"
aws_region                  = "sa-east-1"
eks_oidc_provider_arn       = "arn:aws:iam::111111111111:oidc-provider/oidc.eks.sa-east-1.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF"
vpc_id                      = "vpc-0a1b2c3d4e5f60718"
private_subnet_ids          = ["subnet-0a1b2c3d4e5f60711", "subnet-0a1b2c3d4e5f60722", "subnet-0a1b2c3d4e5f60733"]
load_balancer_subnet_cidrs  = ["10.20.0.0/24", "10.20.1.0/24", "10.20.2.0/24"]
eks_node_security_group_ids = ["sg-0a1b2c3d4e5f60799"]
mail_domain                 = "staging.healthmed.com.br"
web_origins                 = ["https://app.staging.healthmed.com.br"]
redis_node_type             = "cache.t4g.medium"
redis_replicas              = 2
log_retention_days          = 30
# after the first Helm release created the ALB, set "healthmed-staging" (the chart's ingress.loadBalancerName):
alb_name    = ""
alarm_email = ""
