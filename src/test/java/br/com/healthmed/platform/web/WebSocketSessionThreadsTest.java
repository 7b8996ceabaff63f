package br.com.healthmed.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.ReactorSchedulers;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The graphql-ws sessions' schedulers, as Spring for GraphQL makes them
 * ({@code ReactorSchedulers.singleThread("GraphQL-WsSession-" + id)}): no thread of their own, and the
 * guarantee Spring for GraphQL relies on kept — one session's tasks run one at a time, in order.
 */
class WebSocketSessionThreadsTest {

    @BeforeAll
    static void installed() {
        WebSocketSessionThreads.install();
    }

    @Test
    void manySessionsShareTheSmallPoolInsteadOfAThreadEach() throws Exception {
        int sessions = 500;
        Set<String> threads = ConcurrentHashMap.newKeySet();
        CountDownLatch ran = new CountDownLatch(sessions);
        List<Scheduler> schedulers = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            Scheduler session = ReactorSchedulers.singleThread(WebSocketSessionThreads.SESSION_SCHEDULER_PREFIX + i);
            schedulers.add(session);
            session.schedule(() -> {
                threads.add(Thread.currentThread().getName());
                ran.countDown();
            });
        }
        assertThat(ran.await(30, TimeUnit.SECONDS)).isTrue();
        schedulers.forEach(Scheduler::dispose);

        assertThat(threads).hasSizeLessThanOrEqualTo(WebSocketSessionThreads.POOL_THREADS)
                .allSatisfy(name -> assertThat(name).startsWith("graphql-ws-send-"));
    }

    @Test
    void aSessionsTasksRunOneAtATimeInTheOrderScheduledWhateverWorkerScheduledThem() throws Exception {
        Scheduler session = ReactorSchedulers.singleThread(WebSocketSessionThreads.SESSION_SCHEDULER_PREFIX + "ordered");
        List<Scheduler.Worker> workers = List.of(session.createWorker(), session.createWorker());
        int tasks = 20_000;
        List<Integer> order = new ArrayList<>(); // not thread-safe on purpose: tasks running at once would corrupt it
        AtomicBoolean running = new AtomicBoolean();
        AtomicInteger overlaps = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(tasks);
        for (int i = 0; i < tasks; i++) {
            int n = i;
            Runnable task = () -> {
                if (!running.compareAndSet(false, true)) {
                    overlaps.incrementAndGet();
                }
                order.add(n);
                running.set(false);
                done.countDown();
            };
            if (n % 3 == 2) {
                session.schedule(task);
            } else {
                workers.get(n % 3).schedule(task);
            }
        }
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        session.dispose();

        assertThat(overlaps).hasValue(0);
        assertThat(order).hasSize(tasks).isSorted();
    }

    @Test
    void otherSingleThreadSchedulersAreReactorsOwn() throws Exception {
        Scheduler other = Schedulers.newSingle("something-else");
        try {
            String[] thread = new String[1];
            CountDownLatch ran = new CountDownLatch(1);
            other.schedule(() -> {
                thread[0] = Thread.currentThread().getName();
                ran.countDown();
            });
            assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(thread[0]).startsWith("something-else-");
        } finally {
            other.dispose();
        }
    }
}
