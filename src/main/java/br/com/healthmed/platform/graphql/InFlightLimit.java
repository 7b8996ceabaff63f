package br.com.healthmed.platform.graphql;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * At most {@code maxInFlight} HTTP GraphQL executions at once on this instance: a request that cannot start
 * within {@code queueWait} is answered {@code SERVICE_BUSY} at once, before anything runs.
 *
 * <p>Tomcat does not bound this by itself in a useful way: its 200 threads all run at once on two cores
 * (each answer slower the more there are: 160 simultaneous bookings took 2.1–2.3 s), and what is beyond them
 * waits in its queue, unbounded up to {@code server.tomcat.max-connections}. With virtual threads
 * ({@code spring.threads.virtual.enabled}, off here) there would be no bound at all. Shedding here keeps the
 * admitted requests fast and tells the others, at once, to come back.
 */
final class InFlightLimit {

    private final Semaphore turns;
    private final Duration queueWait;

    InFlightLimit(int maxInFlight, Duration queueWait) {
        this.turns = new Semaphore(maxInFlight, true); // fair: the longest waiting request starts first
        this.queueWait = queueWait;
    }

    /** A turn, waiting at most the queue wait; false when none came. A true must be followed by one {@link #release()}. */
    boolean tryEnter() {
        try {
            return turns.tryAcquire(queueWait.toNanos(), TimeUnit.NANOSECONDS); // the timed form keeps the order
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void release() {
        turns.release();
    }
}
