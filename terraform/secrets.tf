# Secrets the pods read through the Secrets Store CSI driver (Helm chart, SecretProviderClass).
#
# The JWT signing key's value is put by an operator (README "Deploying to AWS"), never by
# Terraform: a private key written here would sit in the Terraform state.
resource "aws_secretsmanager_secret" "jwt_signing_key" {
  name                    = "${local.name}/jwt-signing-key"
  description             = "ES256 access-token signing key of ${local.name}, PKCS#8 PEM (healthmed.security.jwt.private-key)"
  kms_key_id              = aws_kms_key.data.arn
  recovery_window_in_days = 30
}

# During a signing-key rotation: the previous key's public key, still published in the JWKS.
resource "aws_secretsmanager_secret" "jwt_previous_public_keys" {
  name                    = "${local.name}/jwt-previous-public-keys"
  description             = "Public keys (PEM) of retired signing keys still accepted during a rotation (healthmed.security.jwt.previous-public-keys)"
  kms_key_id              = aws_kms_key.data.arn
  recovery_window_in_days = 7
}

# The HMAC key of the booking-origin digests (healthmed.booking-limits.origin-key): generated here,
# like the Redis token, since nobody needs to know it and a key only in the state is no worse than
# the Redis token there. Replacing it only makes waiting requests' digests incomparable for a day.
resource "random_password" "booking_origin_key" {
  length  = 64
  special = false
}

resource "aws_secretsmanager_secret" "booking_origin_key" {
  name                    = "${local.name}/booking-origin-key"
  description             = "HMAC key of the booking-origin digests of ${local.name} (healthmed.booking-limits.origin-key)"
  kms_key_id              = aws_kms_key.data.arn
  recovery_window_in_days = 7
}

resource "aws_secretsmanager_secret_version" "booking_origin_key" {
  secret_id     = aws_secretsmanager_secret.booking_origin_key.id
  secret_string = random_password.booking_origin_key.result
}

# The Redis auth token must be known to Terraform (ElastiCache takes it as an argument); it is
# copied here so the pods can read it.
resource "aws_secretsmanager_secret" "redis_auth_token" {
  name                    = "${local.name}/redis-auth-token"
  description             = "Auth token of the ${local.name} Redis replication group (spring.data.redis.password)"
  kms_key_id              = aws_kms_key.data.arn
  recovery_window_in_days = 7
}

resource "aws_secretsmanager_secret_version" "redis_auth_token" {
  secret_id     = aws_secretsmanager_secret.redis_auth_token.id
  secret_string = random_password.redis_auth_token.result
}
