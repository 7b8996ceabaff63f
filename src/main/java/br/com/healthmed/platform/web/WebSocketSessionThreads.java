package br.com.healthmed.platform.web;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * One small pool of threads for what every graphql-ws session sends, instead of a thread per session.
 *
 * <p>Spring for GraphQL (2.0, Spring MVC) gives each WebSocket session a Reactor scheduler of its own,
 * {@code Schedulers.newSingle("GraphQL-WsSession-<id>")}, so that what is sent to the session (the
 * {@code connection_ack}, each result, the pings) goes out one message at a time and in order. That is a
 * platform thread per open connection: at 2,000 held sockets, 2,000 threads, whose stacks and creation were
 * most of a connection's cost (docs/capacity.md, "Per-connection cost"); the ack itself waited for the
 * new thread. This replaces Reactor's scheduler factory with one that, for those sessions only, gives a
 * scheduler with the same guarantee — the session's tasks run one at a time, in the order scheduled — on
 * a pool shared by all sessions. Every other {@code newSingle} (and every other scheduler) is Reactor's own.
 *
 * <p>Reactor's factory is global to the JVM, and installing it shuts down Reactor's cached schedulers, so
 * it is installed once per JVM, when the first application context starts (before any subscription runs),
 * and the pool is the JVM's too: contexts started later (tests, two instances in one JVM) share both.
 * The pool's threads send to sockets with Tomcat's blocking write; a client that stops reading fills its
 * TCP buffer first (hundreds of events), so {@link #POOL_THREADS} threads serve many slow clients.
 */
@Component
class WebSocketSessionThreads {

    /** The name Spring for GraphQL gives each session's scheduler (GraphQlWebSocketHandler.SessionState). */
    static final String SESSION_SCHEDULER_PREFIX = "GraphQL-WsSession-";
    static final int POOL_THREADS = 32;

    private static final Logger log = LoggerFactory.getLogger(WebSocketSessionThreads.class);
    private static final AtomicBoolean INSTALLED = new AtomicBoolean();
    private static final ThreadPoolExecutor POOL = pool();

    WebSocketSessionThreads() {
        install();
    }

    static void install() {
        if (INSTALLED.compareAndSet(false, true)) {
            Schedulers.setFactory(new SharedSessionSchedulers());
            log.debug("graphql-ws sessions send on a shared pool of {} threads", POOL_THREADS);
        }
    }

    private static ThreadPoolExecutor pool() {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = task -> {
            Thread thread = new Thread(task, "graphql-ws-send-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        ThreadPoolExecutor pool = new ThreadPoolExecutor(POOL_THREADS, POOL_THREADS, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** Reactor's factory, except for the sessions' single-thread schedulers. */
    static final class SharedSessionSchedulers implements Schedulers.Factory {
        @Override
        public Scheduler newSingle(ThreadFactory threadFactory) {
            // Reactor's thread factories tell their name (ReactorThreadFactory implements Supplier<String>)
            if (threadFactory instanceof Supplier<?> named && String.valueOf(named.get()).startsWith(SESSION_SCHEDULER_PREFIX)) {
                return Schedulers.fromExecutor(new SerialExecutor(POOL));
            }
            return Schedulers.Factory.super.newSingle(threadFactory);
        }
    }

    /**
     * Runs its tasks one at a time, in the order given, on another executor's threads (the pattern of
     * {@link Executor}'s documentation): a single thread's guarantees without a thread of its own.
     */
    static final class SerialExecutor implements Executor {
        private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean draining = new AtomicBoolean();
        private final Executor threads;

        SerialExecutor(Executor threads) {
            this.threads = threads;
        }

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
            drainSoon();
        }

        private void drainSoon() {
            if (draining.compareAndSet(false, true)) {
                threads.execute(this::drain);
            }
        }

        private void drain() {
            try {
                Runnable task;
                while ((task = tasks.poll()) != null) {
                    try {
                        task.run();
                    } catch (RuntimeException failed) {
                        // Reactor's tasks report their own errors; this only keeps the session's queue going
                        log.warn("A graphql-ws session task failed: {}", failed.toString());
                    }
                }
            } finally {
                draining.set(false);
            }
            if (!tasks.isEmpty()) {
                drainSoon(); // added after the last poll, before draining was cleared
            }
        }
    }
}
