package br.com.healthmed.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code healthmed.email-codes.*}: how long an e-mailed code works (30 minutes), how many wrong codes
 * may be tried within a window before one must wait — for an account (or address) from one network, for
 * an account from all networks together, and from one network for all accounts (5, 100 and 50 per 15
 * minutes) — and how many codes an account may have sent within a window (5 per hour).
 */
@ConfigurationProperties("healthmed.email-codes")
public record EmailCodeProperties(
        @DefaultValue("PT30M") Duration validity,
        @DefaultValue("5") int maxChecksPerAccount,
        @DefaultValue("100") int maxChecksPerAccountAcrossNetworks,
        @DefaultValue("50") int maxChecksPerAddress,
        @DefaultValue("PT15M") Duration checkWindow,
        @DefaultValue("5") int maxSendsPerAccount,
        @DefaultValue("PT1H") Duration sendWindow) {}
