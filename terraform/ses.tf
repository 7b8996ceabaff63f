# E-mail (module notifications, healthmed.notifications.mailer=ses): the sending domain as an SES
# identity with Easy DKIM (2048-bit keys SES rotates), the configuration set every message is sent
# with, and, when the domain's Route 53 zone is given, its DKIM and DMARC records. The service role
# may send only from this identity, only as local.mail_from_address, only with this set (iam.tf).
locals {
  mail_from_address = "nao-responda@${var.mail_domain}"
}

resource "aws_sesv2_configuration_set" "mail" {
  configuration_set_name = "${local.name}-mail"

  delivery_options {
    # never hand a message to a receiving server over plain SMTP
    tls_policy = "REQUIRE"
  }
  reputation_options {
    reputation_metrics_enabled = true
  }
  sending_options {
    sending_enabled = true
  }
  suppression_options {
    # an address that bounced or complained is not mailed again (the service logs such refusals)
    suppressed_reasons = ["BOUNCE", "COMPLAINT"]
  }
}

resource "aws_sesv2_email_identity" "mail" {
  email_identity         = var.mail_domain
  configuration_set_name = aws_sesv2_configuration_set.mail.configuration_set_name

  dkim_signing_attributes {
    next_signing_key_length = "RSA_2048_BIT"
  }
}

resource "aws_route53_record" "mail_dkim" {
  count   = var.mail_route53_zone_id == "" ? 0 : 3
  zone_id = var.mail_route53_zone_id
  name    = "${aws_sesv2_email_identity.mail.dkim_signing_attributes[0].tokens[count.index]}._domainkey.${var.mail_domain}"
  type    = "CNAME"
  ttl     = 1800
  records = ["${aws_sesv2_email_identity.mail.dkim_signing_attributes[0].tokens[count.index]}.dkim.amazonses.com"]
}

resource "aws_route53_record" "mail_dmarc" {
  count   = var.mail_route53_zone_id == "" ? 0 : 1
  zone_id = var.mail_route53_zone_id
  name    = "_dmarc.${var.mail_domain}"
  type    = "TXT"
  ttl     = 1800
  records = ["v=DMARC1; p=quarantine; adkim=s; aspf=r"]
}
