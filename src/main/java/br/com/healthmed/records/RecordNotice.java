package br.com.healthmed.records;

import java.time.Instant;
import java.util.Objects;

/**
 * An event still to be delivered, as the outbox keeps it: on the note version's or the document's own
 * item, written by the same conditional write that stores the note or completes the document.
 */
public record RecordNotice(ClinicalRecordEvent event, int attempts, Instant nextAttempt) {

    public RecordNotice {
        Objects.requireNonNull(event);
        Objects.requireNonNull(nextAttempt);
    }
}
