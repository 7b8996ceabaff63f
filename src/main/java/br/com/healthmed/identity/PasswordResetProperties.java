package br.com.healthmed.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code healthmed.identity.password-reset.*}.
 *
 * @param tokenTtl    how long the e-mailed token works
 * @param maxQueued   requests waiting for their e-mail at most; past it {@code SERVICE_BUSY}
 */
@ConfigurationProperties("healthmed.identity.password-reset")
public record PasswordResetProperties(
        @DefaultValue("PT30M") Duration tokenTtl,
        @DefaultValue("1000") int maxQueued) {}
