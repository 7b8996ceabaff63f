package br.com.healthmed.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code healthmed.security.revocation.*}: how instances learn of revoked sessions besides the event
 * bus (see {@link RevokedSessions}).
 *
 * @param reloadInterval how often each instance re-reads the recent revocations from storage: the
 *                       longest a revocation whose bus message was lost goes unnoticed by an instance
 * @param reloadOverlap  how far each reload looks back before the previous one began, to cover
 *                       revocations that storage showed late (its index is eventually consistent)
 *                       and clocks that differ between instances
 */
@ConfigurationProperties("healthmed.security.revocation")
public record RevocationProperties(
        @DefaultValue("PT10S") Duration reloadInterval,
        @DefaultValue("PT1M") Duration reloadOverlap) {}
