package br.com.healthmed.identity;

import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.PlatformErrors;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The work a patient registration, or a session-less request for a new verification code, does after
 * the answer: every storage read and write that depends on which accounts exist (the login claims, the
 * account, the code) and the one e-mail. The request's thread does only what is the same in every case
 * (validation, counting, the password hash) and queues one task here, so neither the answer nor its
 * time says whether the e-mail or the CPF had an account.
 *
 * <p>Two threads and 1,000 waiting ({@link MailQueues}); a full queue is {@code SERVICE_BUSY} with
 * {@code retryAfterSeconds} for every caller alike (its length says nothing about any account). A task
 * that fails (storage down) is logged with no personal data; the person registers or asks again.
 *
 * <p>Not durable, as password-reset e-mails are not: a task queued when the instance stops is lost.
 */
@Component
class RegistrationQueue implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RegistrationQueue.class);
    static final int MAX_QUEUED = 1_000;

    private final ThreadPoolExecutor executor = MailQueues.twoThreads("registration", MAX_QUEUED);
    /** Tasks queued or running: what {@link #awaitIdle} waits on. */
    private final AtomicInteger unfinished = new AtomicInteger();

    /** Queues {@code work}; {@code SERVICE_BUSY} when the queue is full. */
    void submit(Runnable work) {
        unfinished.incrementAndGet();
        try {
            executor.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException failed) {
                    log.warn("A registration task failed ({}); the person may register or ask again",
                            failed.getClass().getSimpleName());
                } finally {
                    unfinished.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException full) {
            unfinished.decrementAndGet();
            throw new DomainException(PlatformErrors.SERVICE_BUSY, "Too many requests in progress; try again in a moment.",
                    Map.of("retryAfterSeconds", 5L));
        }
    }

    /** Waits until no task is queued or running, at most {@code timeout}; true if so. */
    boolean awaitIdle(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (unfinished.get() > 0) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
