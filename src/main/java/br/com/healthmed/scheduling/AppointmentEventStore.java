package br.com.healthmed.scheduling;

import br.com.healthmed.platform.events.log.EventLog;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where appointment events wait and are kept (see docs/events.md). Two parts:
 *
 * <ul>
 *   <li><b>the outbox</b>: one entry per appointment whose events are not yet delivered to every target.
 *       It is written <em>before</em> the change that makes the events (and only says "look at this
 *       appointment from version {@code v} on"); the events themselves are the appointment's history,
 *       stored by the change's own conditional write. The relay records each target's progress here
 *       and removes the entry when every target has everything.</li>
 *   <li><b>each account's event log</b>: the events of the account's appointments in the order the
 *       account should see them, at increasing positions. Appending is idempotent by event id, so a
 *       relay that retries after a crash never adds an event twice. Subscriptions replay and follow it.</li>
 * </ul>
 *
 * Implementations must pass {@code AppointmentEventStoreContract}.
 */
public interface AppointmentEventStore {

    /**
     * Notes, before a change of the appointment to {@code version} is written, that its events from
     * {@code baseline} on (the history's length before the change) may need delivering. Keeps the
     * progress of an entry already there (its baseline and {@code since} too) and only ever raises its
     * version. Every call at the entry's version or above sets {@code writerUntil} to
     * {@code now + WRITER_GRACE}: the grace a relay leaves the writer counts from the newest writer's
     * note, not from the first change's (a retried write at the same version renews it too).
     */
    void expect(AppointmentId appointment, long version, int baseline, Instant now);

    Optional<Pending> pending(AppointmentId appointment);

    /** Entries whose next attempt is due at {@code now}, in no particular order. */
    List<Pending> due(Instant now, int limit);

    /** {@code target} has the appointment's first {@code delivered} events; never lowers what is recorded. */
    void delivered(AppointmentId appointment, String target, int delivered);

    /** A target failed: the entry is due again at {@code next}, after {@code attempts} failed attempts. */
    void retryAt(AppointmentId appointment, int attempts, Instant next);

    /** Removes the entry if its version is still {@code version} (no change announced itself meanwhile). */
    boolean clear(AppointmentId appointment, long version);

    /**
     * The accounts' event logs ({@link EventLog}, shared with the other modules' logs): the events of an
     * account's appointments in the order the account should see them. The relay appends an appointment's
     * events in their order, each only once the earlier ones are in the log, so an append may stop looking
     * for an event where it finds an earlier one of the same appointment.
     */
    EventLog<AppointmentEvent> log();

    /**
     * How long a writer may take between noting its entry ({@link #expect}) and writing its change: until
     * then a relay that finds the appointment below the entry's version does not clear the entry.
     */
    java.time.Duration WRITER_GRACE = java.time.Duration.ofMinutes(2);

    /** How long a new outbox entry is left to the instance that made the change before sweeps pick it up. */
    java.time.Duration RELAY_GRACE = java.time.Duration.ofSeconds(10);

    /**
     * An outbox entry. {@code delivered} maps target names to how many of the appointment's events
     * they have; a target not in it has {@code baseline}. {@code since} is when the entry was first
     * noted (for the retention); {@code writerUntil} is how long the latest writer may still write.
     */
    record Pending(AppointmentId appointment, long version, int baseline, Map<String, Integer> delivered,
                   Instant since, Instant writerUntil, int attempts, Instant nextAttempt) {
        public Pending {
            Objects.requireNonNull(appointment);
            delivered = Map.copyOf(delivered);
            Objects.requireNonNull(since);
            Objects.requireNonNull(writerUntil);
            Objects.requireNonNull(nextAttempt);
        }

        public int deliveredTo(String target) {
            return delivered.getOrDefault(target, baseline);
        }
    }
}
