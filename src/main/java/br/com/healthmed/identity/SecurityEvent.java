package br.com.healthmed.identity;

import br.com.healthmed.platform.storage.TimePositions;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * One entry of an account's security log: what happened, when, and from which network address
 * (absent when the action had no client, e.g. a sweep). Never anything else: no user agent, no
 * e-mail, no token.
 */
@NamedInterface("api")
public record SecurityEvent(UUID id, AccountId account, SecurityEventKind kind, Instant at, Optional<String> clientAddress) {

    public SecurityEvent {
        Objects.requireNonNull(id);
        Objects.requireNonNull(account);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(at);
        Objects.requireNonNull(clientAddress);
    }

    /** Where the entry stands in its account's log: the instant, fixed width, then the id (see {@link TimePositions}). */
    public String position() {
        return TimePositions.of(at, id);
    }
}
