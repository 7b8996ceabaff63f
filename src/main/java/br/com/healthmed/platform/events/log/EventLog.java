package br.com.healthmed.platform.events.log;

import br.com.healthmed.platform.EntityId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Each owner's (an account's) events in the order the owner should see them, at increasing positions
 * handed out when an event lands in the log, never when it happened (docs/events.md, "Event ids and
 * ordering"). Appending is idempotent by the event's stable id, so a relay that retries after a crash
 * never adds an event twice. Subscriptions replay and follow it ({@link EventLogFeed}).
 * Implementations must pass {@code EventLogContract}.
 */
public interface EventLog<E> {

    /**
     * How far back from the log's end an append looks for the event before adding it: an event can
     * only have been appended after it happened, and instances' clocks differ by less than this. A
     * cursor whose time is further ahead than this of the reader's clock was never handed out.
     */
    Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /**
     * Adds the event to the owner's log at the next position, unless it is there already (then
     * returns it where it is). Concurrent appends to one log get distinct, increasing positions.
     */
    Logged<E> append(EntityId owner, E event, Instant now);

    /** The owner's events after {@code position}, in order, at most {@code limit}. */
    List<Logged<E>> after(EntityId owner, long position, int limit);

    /** The position of the owner's newest event; 0 when the log is empty. */
    long last(EntityId owner);

    Optional<Logged<E>> at(EntityId owner, long position);

    /**
     * The position of the first event of an empty log: the day's number times 10^9, so a log that
     * emptied (every event older than the retention, removed) starts again above every position it
     * ever had, and a client's old position can never name a new event.
     */
    static long firstPosition(Instant now) {
        return Math.floorDiv(now.getEpochSecond(), 86_400L) * 1_000_000_000L + 1;
    }
}
