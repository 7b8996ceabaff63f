package br.com.healthmed.platform.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Sliding-window hit counters, the one mechanism behind every "at most N per period" rule (failed
 * logins, registrations, bookings). A key's count is the number of hits recorded within the last
 * {@code window}: a hit made at {@code t} counts until {@code t + window}, exclusive.
 *
 * <p>With {@code healthmed.events=redis} the counters live in Redis and every replica counts against
 * one budget; otherwise in this instance's memory. Keys are opaque and may be stored in a shared
 * server: callers build them with {@link CounterKeys}, which never lets personal data (an e-mail, a
 * CPF, an IP address) into a key in clear. Implementations must pass {@code RateCountersContract};
 * {@link #tryAcquire} is atomic, so concurrent callers never get more than {@code limit} hits.
 */
public interface RateCounters {

    /**
     * Records a hit unless the key already has {@code limit} hits within {@code window}; atomically.
     * A refusal says when the oldest of those hits leaves the window, i.e. when a retry may succeed.
     */
    default Acquisition tryAcquire(String key, int limit, Duration window) {
        return tryAcquire(key, limit, window, UUID.randomUUID().toString());
    }

    /**
     * As {@link #tryAcquire(String, int, Duration)}, the hit named {@code hitId}: acquiring an id that
     * already has a hit within the window succeeds again without a second hit, so copies of one
     * request (retries, or copies racing each other) are counted once.
     */
    Acquisition tryAcquire(String key, int limit, Duration window, String hitId);

    /** Records a hit whatever the count; returns the hits within {@code window}, this one included. */
    int hit(String key, Duration window);

    /** The hits within {@code window}, without recording one. */
    Usage usage(String key, Duration window);

    /** Takes back a hit (an attempt that turned out not to count); nothing if it has left the window. */
    void release(Hit hit);

    /** Forgets every hit of the key. */
    void reset(String key);

    /** One recorded hit, so that it can be {@linkplain #release released}. */
    record Hit(String key, String id) {
        public Hit {
            Objects.requireNonNull(key);
            Objects.requireNonNull(id);
        }
    }

    /** The outcome of {@link #tryAcquire}: the hit recorded, or until when the key is full. */
    record Acquisition(Optional<Hit> hit, Optional<Instant> fullUntil) {

        public static Acquisition acquired(Hit hit) {
            return new Acquisition(Optional.of(hit), Optional.empty());
        }

        public static Acquisition refused(Instant fullUntil) {
            return new Acquisition(Optional.empty(), Optional.of(fullUntil));
        }

        public boolean acquired() {
            return hit.isPresent();
        }
    }

    /** A key's hits within a window, and when the oldest of them leaves it (empty when there are none). */
    record Usage(int hits, Optional<Instant> oldestLeavesAt) {
        public static final Usage NONE = new Usage(0, Optional.empty());
    }
}
