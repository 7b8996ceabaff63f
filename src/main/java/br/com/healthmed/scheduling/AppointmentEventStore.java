package br.com.healthmed.scheduling;

import br.com.healthmed.identity.AccountId;
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
     * progress of an entry already there (its baseline too) and only ever raises its version.
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
     * Adds the event to the account's log at the next position, unless it is there already (then
     * returns it where it is). Concurrent appends to one log get distinct, increasing positions.
     * Callers append an appointment's events in their order, each only once the earlier ones are in
     * the log (the relay does): an adapter may stop looking for the event where it finds an earlier
     * one of the same appointment.
     */
    Logged append(AccountId account, AppointmentEvent event, Instant now);

    /** The account's events after {@code position}, in order, at most {@code limit}. */
    List<Logged> after(AccountId account, long position, int limit);

    /** The position of the account's newest event; 0 when the log is empty. */
    long last(AccountId account);

    Optional<Logged> at(AccountId account, long position);

    /**
     * The position of the first event of an empty log: the day's number times 10^9, so a log that
     * emptied (every event older than the retention, removed) starts again above every position it
     * ever had, and a client's old position can never name a new event.
     */
    static long firstPosition(Instant now) {
        return Math.floorDiv(now.getEpochSecond(), 86_400L) * 1_000_000_000L + 1;
    }

    /**
     * How far back from the log's end an append looks for the event before adding it: an event can
     * only have been appended after it happened, and instances' clocks differ by less than this.
     */
    java.time.Duration CLOCK_SKEW = java.time.Duration.ofMinutes(5);

    /** How long a new outbox entry is left to the instance that made the change before sweeps pick it up. */
    java.time.Duration RELAY_GRACE = java.time.Duration.ofSeconds(10);

    /**
     * An outbox entry. {@code delivered} maps target names to how many of the appointment's events
     * they have; a target not in it has {@code baseline}.
     */
    record Pending(AppointmentId appointment, long version, int baseline, Map<String, Integer> delivered,
                   Instant since, int attempts, Instant nextAttempt) {
        public Pending {
            Objects.requireNonNull(appointment);
            delivered = Map.copyOf(delivered);
            Objects.requireNonNull(since);
            Objects.requireNonNull(nextAttempt);
        }

        public int deliveredTo(String target) {
            return delivered.getOrDefault(target, baseline);
        }
    }

    /** An event at its position in one account's log. */
    record Logged(AccountId account, long position, Instant appendedAt, AppointmentEvent event) {
        public Logged {
            Objects.requireNonNull(account);
            Objects.requireNonNull(appendedAt);
            Objects.requireNonNull(event);
        }
    }
}
