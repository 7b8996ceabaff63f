package br.com.healthmed.platform.events.log;

import br.com.healthmed.platform.events.EventBus;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Makes the {@link EventLogFeed} of each kind of log (appointment events, clinical-record events), with
 * the settings of {@code healthmed.events.*} they share and one pool of threads for all their reads.
 */
@Component
public class EventLogFeeds implements DisposableBean {

    final EventBus bus;
    final Clock clock;
    final Duration retention;
    final Duration pollInterval;
    final int readAttempts;
    final Duration readBackoff;
    /**
     * Reads the logs and emits the deliveries, so the GraphQL resolution of a pushed event's fields runs
     * here too. Plain executor threads: cancelling a subscription never interrupts a thread in the
     * middle of a storage call (Reactor's elastic workers would, and the call would fail with
     * "Thread was interrupted").
     */
    private final ExecutorService threads;
    final Scheduler scheduler;
    private final List<EventLogFeed<?>> made = new CopyOnWriteArrayList<>();

    public EventLogFeeds(EventBus bus, Clock clock,
                         @Value("${healthmed.events.retention:P7D}") Duration retention,
                         @Value("${healthmed.events.poll-interval:PT30S}") Duration pollInterval,
                         @Value("${healthmed.events.read-attempts:6}") int readAttempts,
                         @Value("${healthmed.events.read-backoff:PT1S}") Duration readBackoff) {
        this.bus = bus;
        this.clock = clock;
        this.retention = retention;
        this.pollInterval = pollInterval;
        this.readAttempts = readAttempts;
        this.readBackoff = readBackoff;
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(8, task -> {
            Thread thread = new Thread(task, "event-feed-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.scheduler = Schedulers.fromExecutor(threads);
    }

    /** The subscriptions to one kind of log. */
    public <E> EventLogFeed<E> feed(EventLogFeed.Kind kind, EventLog<E> log) {
        EventLogFeed<E> feed = new EventLogFeed<>(kind, log, this);
        made.add(feed);
        return feed;
    }

    @Override
    public void destroy() {
        made.forEach(EventLogFeed::stopListening);
        scheduler.dispose();
        threads.shutdownNow();
    }
}
