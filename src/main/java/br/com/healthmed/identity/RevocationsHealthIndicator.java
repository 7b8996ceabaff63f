package br.com.healthmed.identity;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code revocations} in the readiness group: DOWN until this instance has read the revoked sessions
 * on file ({@link RevokedSessions}), during which it accepts no access token; so the load balancer
 * sends it nothing until it can tell an ended session from a live one.
 */
@Component("revocationsHealthIndicator")
class RevocationsHealthIndicator implements HealthIndicator {

    private final RevokedSessions revocations;

    RevocationsHealthIndicator(RevokedSessions revocations) {
        this.revocations = revocations;
    }

    @Override
    public Health health() {
        return revocations.known() ? Health.up().build()
                : Health.down().withDetail("revokedSessions", "not read yet; retrying").build();
    }
}
