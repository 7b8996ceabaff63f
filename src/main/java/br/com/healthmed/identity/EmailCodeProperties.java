package br.com.healthmed.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code healthmed.email-codes.*}: how long an e-mailed code works (30 minutes), how many wrong codes
 * an account or a network may try within a window before it must wait (5 and 50 per 15 minutes), and
 * how many codes an account may have sent within a window (5 per hour).
 */
@ConfigurationProperties("healthmed.email-codes")
public record EmailCodeProperties(
        @DefaultValue("PT30M") Duration validity,
        @DefaultValue("5") int maxChecksPerAccount,
        @DefaultValue("50") int maxChecksPerAddress,
        @DefaultValue("PT15M") Duration checkWindow,
        @DefaultValue("5") int maxSendsPerAccount,
        @DefaultValue("PT1H") Duration sendWindow) {}
