package br.com.healthmed.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code healthmed.security-log.*}: how long security-log entries are kept (two years by default:
 * long enough for the owner and support to trace an account takeover, and short of the records'
 * legal retention; docs/account.md).
 */
@ConfigurationProperties("healthmed.security-log")
public record SecurityLogProperties(@DefaultValue("P730D") Duration retention) {

    public SecurityLogProperties {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("healthmed.security-log.retention must be positive");
        }
    }
}
