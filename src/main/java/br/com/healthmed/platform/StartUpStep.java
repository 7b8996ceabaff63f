package br.com.healthmed.platform;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A step an instance must have done before it serves what depends on it (read the revoked sessions,
 * create the local table), which a slow or unreachable dependency may fail. It is tried at once, on
 * the starting thread, so a healthy start is ready as before; if it fails, the application starts
 * anyway and the step is tried again in the background with growing, jittered delays until it
 * succeeds, while {@link #done()} says false (readiness DOWN, and whatever needs it refuses with a
 * retryable code). Before, such a failure aborted the start-up: a pod that crash-loops exactly while
 * its dependency is slow, when it is needed most.
 */
public final class StartUpStep implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StartUpStep.class);

    /** Growing delays between attempts: {@code first}, doubled each time up to {@code longest}, each jittered down by up to half. */
    public record Backoff(Duration first, Duration longest) {
        public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(15));

        long millisBefore(int attempt) {
            long delay = Math.min(longest.toMillis(), first.toMillis() << Math.min(attempt - 1, 20));
            return delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1);
        }
    }

    private final String what;
    private final Runnable step;
    private final Backoff backoff;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final AtomicInteger attempts = new AtomicInteger();
    private final ScheduledExecutorService retries;

    private StartUpStep(String what, Runnable step, Backoff backoff) {
        this.what = what;
        this.step = step;
        this.backoff = backoff;
        this.retries = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "start-up: " + what);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs {@code step} now, and again in the background until it does not throw. */
    public static StartUpStep start(String what, Runnable step, Backoff backoff) {
        StartUpStep started = new StartUpStep(what, step, backoff);
        started.attempt();
        return started;
    }

    public boolean done() {
        return done.isDone();
    }

    /** How many times the step was tried so far. */
    public int attempts() {
        return attempts.get();
    }

    private void attempt() {
        int attempt = attempts.incrementAndGet();
        try {
            step.run();
            done.complete(null);
            retries.shutdown();
            if (attempt > 1) {
                log.info("Start-up step done after {} attempts: {}", attempt, what);
            }
        } catch (RuntimeException failed) {
            long delay = backoff.millisBefore(attempt);
            log.warn("Start-up step failed (attempt {}; tried again in {} ms, not ready until it succeeds): {}: {}",
                    attempt, delay, what, failed.toString());
            try {
                retries.schedule(this::attempt, delay, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                log.debug("Not trying again, the application is closing: {}", what);
            }
        }
    }

    @Override
    public void close() {
        retries.shutdownNow();
    }
}
