package br.com.healthmed.platform.events.log;

import br.com.healthmed.platform.EntityId;
import java.time.Instant;
import java.util.Objects;

/** An event at its position in its owner's log, and when it was appended there. */
public record Logged<E>(EntityId owner, long position, Instant appendedAt, E event) {

    public Logged {
        Objects.requireNonNull(owner);
        Objects.requireNonNull(appendedAt);
        Objects.requireNonNull(event);
    }
}
