package br.com.healthmed.records;

import org.springframework.modulith.NamedInterface;

/**
 * A durable consumer of {@link ClinicalRecordEvent}s (e.g. notifications). Called at least once per event,
 * after the note or document is stored; a repeat carries the same {@code id} and must have no second
 * effect. Throwing means "not done": the relay tries again later with backoff.
 */
@NamedInterface("api")
public interface ClinicalRecordListener {

    /** Stable name, for the logs. */
    String name();

    void on(ClinicalRecordEvent event);
}
