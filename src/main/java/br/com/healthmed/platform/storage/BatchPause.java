package br.com.healthmed.platform.storage;

import java.time.Duration;

/**
 * How a batch operation ({@link BatchReads}, {@link BatchWrites}) waits before asking DynamoDB again for what it
 * left unprocessed. {@link #SLEEP} in production; tests pass one that only records the pauses asked for.
 */
@FunctionalInterface
public interface BatchPause {

    BatchPause SLEEP = duration -> Thread.sleep(duration.toMillis());

    void pause(Duration duration) throws InterruptedException;

    /** {@link #pause}; an interruption ends the batch operation, the thread's interrupt status kept. */
    default void pauseOrGiveUp(Duration duration) {
        try {
            pause(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while backing off from unprocessed DynamoDB items", e);
        }
    }
}
