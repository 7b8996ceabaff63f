# terraform plan -var-file=prod.tfvars   (ids below are examples: the production account's own)
environment                 = "prod"
aws_region                  = "sa-east-1"
eks_oidc_provider_arn       = "arn:aws:iam::222222222222:oidc-provider/oidc.eks.sa-east-1.amazonaws.com/id/FEDCBA9876543210FEDCBA9876543210"
vpc_id                      = "vpc-0f1e2d3c4b5a69788"
private_subnet_ids          = ["subnet-0f1e2d3c4b5a69711", "subnet-0f1e2d3c4b5a69722", "subnet-0f1e2d3c4b5a69733"]
load_balancer_subnet_cidrs  = ["10.10.0.0/24", "10.10.1.0/24", "10.10.2.0/24"]
eks_node_security_group_ids = ["sg-0f1e2d3c4b5a69799"]
mail_domain                 = "healthmed.com.br"
web_origins                 = ["https://app.healthmed.com.br"]
redis_node_type             = "cache.r7g.large"
redis_replicas              = 3
log_retention_days          = 365
alarm_5xx_percent           = 1
alarm_p99_latency_seconds   = 1.5
# after the first Helm release created the ALB, set "healthmed-prod" (the chart's ingress.loadBalancerName):
alb_name    = ""
alarm_email = "oncall@healthmed.com.br"
