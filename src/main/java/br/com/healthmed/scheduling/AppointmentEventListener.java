package br.com.healthmed.scheduling;

import org.springframework.modulith.NamedInterface;

/**
 * A durable consumer of appointment events (e.g. notifications). The relay calls {@link #on} at least
 * once for every stored event, after the change is durable, in order per appointment; a duplicate call
 * with the same event id must have no second effect. Throwing means "not done": the relay retries later
 * with backoff, and a failing listener never holds up the others or the change itself.
 */
@NamedInterface("api")
public interface AppointmentEventListener {

    /** Stable name; the relay records delivery per listener under it. Renaming it redelivers everything kept. */
    String name();

    void on(AppointmentEvent event);
}
