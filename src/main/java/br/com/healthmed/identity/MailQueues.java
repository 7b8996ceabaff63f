package br.com.healthmed.identity;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The small queues on which identity sends e-mails after the request answered (so that no answer's
 * timing says whether an account exists): two daemon threads and a bounded backlog; a full backlog
 * refuses with {@code RejectedExecutionException}, which each caller answers in its own way.
 */
final class MailQueues {

    private MailQueues() {}

    static ThreadPoolExecutor twoThreads(String threadName, int maxQueued) {
        AtomicInteger threads = new AtomicInteger();
        return new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(maxQueued), work -> {
            Thread thread = new Thread(work, threadName + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
