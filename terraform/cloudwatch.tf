# Application logs (JSON lines, shipped from the pods' stdout by the cluster's Fluent Bit /
# CloudWatch Observability add-on into this group), and the alarms someone is paged for.
resource "aws_cloudwatch_log_group" "application" {
  name              = "/healthmed/${var.environment}/application"
  retention_in_days = var.log_retention_days
  kms_key_id        = aws_kms_key.data.arn
}

# CloudWatch cannot publish to a topic under the AWS-managed SNS key: the data key (see kms.tf).
resource "aws_sns_topic" "alarms" {
  name              = "${local.name}-alarms"
  kms_master_key_id = aws_kms_key.data.arn
}

resource "aws_sns_topic_subscription" "alarm_email" {
  count     = var.alarm_email == "" ? 0 : 1
  topic_arn = aws_sns_topic.alarms.arn
  protocol  = "email"
  endpoint  = var.alarm_email
}

# The ALB is created by the AWS Load Balancer Controller from the chart's Ingress; once it exists,
# alb_name lets Terraform find it and alarm on it.
data "aws_lb" "api" {
  count = var.alb_name == "" ? 0 : 1
  name  = var.alb_name
}

resource "aws_cloudwatch_metric_alarm" "http_5xx_rate" {
  count               = var.alb_name == "" ? 0 : 1
  alarm_name          = "${local.name}-5xx-rate"
  alarm_description   = "More than ${var.alarm_5xx_percent}% of API requests failed with a 5xx (load balancer or service) over 5 minutes."
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.alarm_5xx_percent
  evaluation_periods  = 1
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]

  metric_query {
    id          = "rate"
    expression  = "100 * (FILL(target5xx, 0) + FILL(elb5xx, 0)) / IF(requests > 0, requests, 1)"
    label       = "5xx %"
    return_data = true
  }
  metric_query {
    id = "target5xx"
    metric {
      namespace   = "AWS/ApplicationELB"
      metric_name = "HTTPCode_Target_5XX_Count"
      dimensions  = { LoadBalancer = data.aws_lb.api[0].arn_suffix }
      period      = 300
      stat        = "Sum"
    }
  }
  metric_query {
    id = "elb5xx"
    metric {
      namespace   = "AWS/ApplicationELB"
      metric_name = "HTTPCode_ELB_5XX_Count"
      dimensions  = { LoadBalancer = data.aws_lb.api[0].arn_suffix }
      period      = 300
      stat        = "Sum"
    }
  }
  metric_query {
    id = "requests"
    metric {
      namespace   = "AWS/ApplicationELB"
      metric_name = "RequestCount"
      dimensions  = { LoadBalancer = data.aws_lb.api[0].arn_suffix }
      period      = 300
      stat        = "Sum"
    }
  }
}

resource "aws_cloudwatch_metric_alarm" "p99_latency" {
  count               = var.alb_name == "" ? 0 : 1
  alarm_name          = "${local.name}-p99-latency"
  alarm_description   = "The slowest 1% of API requests took longer than ${var.alarm_p99_latency_seconds} s for 5 minutes."
  namespace           = "AWS/ApplicationELB"
  metric_name         = "TargetResponseTime"
  dimensions          = { LoadBalancer = data.aws_lb.api[0].arn_suffix }
  extended_statistic  = "p99"
  period              = 60
  evaluation_periods  = 5
  datapoints_to_alarm = 5
  threshold           = var.alarm_p99_latency_seconds
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]
}

# On-demand tables throttle too (a hot partition, or a sudden surge beyond twice the previous peak).
resource "aws_cloudwatch_metric_alarm" "dynamodb_throttles" {
  alarm_name          = "${local.name}-dynamodb-throttles"
  alarm_description   = "DynamoDB throttled reads or writes on ${aws_dynamodb_table.main.name} in 3 of the last 5 minutes."
  comparison_operator = "GreaterThanThreshold"
  threshold           = 0
  evaluation_periods  = 5
  datapoints_to_alarm = 3
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]

  metric_query {
    id          = "throttles"
    expression  = "FILL(reads, 0) + FILL(writes, 0)"
    label       = "throttle events"
    return_data = true
  }
  metric_query {
    id = "reads"
    metric {
      namespace   = "AWS/DynamoDB"
      metric_name = "ReadThrottleEvents"
      dimensions  = { TableName = aws_dynamodb_table.main.name }
      period      = 60
      stat        = "Sum"
    }
  }
  metric_query {
    id = "writes"
    metric {
      namespace   = "AWS/DynamoDB"
      metric_name = "WriteThrottleEvents"
      dimensions  = { TableName = aws_dynamodb_table.main.name }
      period      = 60
      stat        = "Sum"
    }
  }
}

# A throttled index throttles the table's writes: one alarm per index.
resource "aws_cloudwatch_metric_alarm" "dynamodb_index_throttles" {
  for_each            = toset(["GSI1", "GSI2"])
  alarm_name          = "${local.name}-dynamodb-${lower(each.key)}-throttles"
  alarm_description   = "DynamoDB throttled writes to index ${each.key} of ${aws_dynamodb_table.main.name} in 3 of the last 5 minutes."
  namespace           = "AWS/DynamoDB"
  metric_name         = "WriteThrottleEvents"
  dimensions          = { TableName = aws_dynamodb_table.main.name, GlobalSecondaryIndexName = each.key }
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = 5
  datapoints_to_alarm = 3
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]
}
