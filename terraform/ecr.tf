# The image registry the deploy workflow pushes to (tag = commit SHA, never overwritten).
resource "aws_ecr_repository" "api" {
  count                = var.create_ecr_repository ? 1 : 0
  name                 = local.name
  image_tag_mutability = "IMMUTABLE"

  image_scanning_configuration {
    scan_on_push = true
  }

  encryption_configuration {
    encryption_type = "KMS"
    kms_key         = aws_kms_key.data.arn
  }
}

resource "aws_ecr_lifecycle_policy" "api" {
  count      = var.create_ecr_repository ? 1 : 0
  repository = aws_ecr_repository.api[0].name
  policy     = jsonencode({
    rules = [{
      rulePriority = 1
      description  = "keep the last 100 images (rollback targets)"
      selection    = { tagStatus = "any", countType = "imageCountMoreThan", countNumber = 100 }
      action       = { type = "expire" }
    }]
  })
}
