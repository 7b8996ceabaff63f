package br.com.healthmed.scheduling;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.PlatformErrors;
import br.com.healthmed.platform.events.EventBus;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * An account's appointment events as a subscription sees them: read from the account's event log (the
 * source of truth), in log order, from a position on. Replay and live are one loop: whenever the
 * {@link EventBus} says the log grew (or every {@code healthmed.events.poll-interval}, in case a
 * wake-up was lost), the entries after the last one delivered are read and delivered. So there is no
 * seam where an event could be lost or doubled, and a wake-up that arrives before the subscription
 * has read anything only makes it read sooner.
 */
@Service
public class AppointmentEventFeed implements DisposableBean {

    /** The wake-up: the account's log has an entry at {@code position}. Travels on {@link AppointmentEvent#TOPIC}. */
    public record Appended(AccountId account, long position) {}

    /** One event as its subscriber receives it. */
    public record Delivery(String id, AppointmentEvent event) {}

    private static final Logger log = LoggerFactory.getLogger(AppointmentEventFeed.class);
    private static final int PAGE = 100;
    private static final Object TICK = new Object();

    private final AppointmentEventStore store;
    private final EventBus bus;
    private final Clock clock;
    private final Duration retention;
    private final Duration pollInterval;
    private final int readAttempts;
    private final Duration readBackoff;
    /**
     * Reads the logs and emits the deliveries, so the GraphQL resolution of a pushed event's fields runs
     * here too. Plain executor threads: cancelling a subscription never interrupts a thread in the
     * middle of a storage call (Reactor's elastic workers would, and the call would fail with
     * "Thread was interrupted").
     */
    private final java.util.concurrent.ExecutorService threads;
    private final Scheduler scheduler;
    /** The wake-up sinks of this instance's subscriptions, by account. */
    private final Map<AccountId, Set<FluxSink<Object>>> wakeable = new ConcurrentHashMap<>();
    /** This instance's one subscription to the wake-ups; guarded by {@code this}. */
    private @Nullable Disposable wakeUps;

    AppointmentEventFeed(AppointmentEventStore store, EventBus bus, Clock clock,
                         @Value("${healthmed.events.retention:P7D}") Duration retention,
                         @Value("${healthmed.events.poll-interval:PT30S}") Duration pollInterval,
                         @Value("${healthmed.events.read-attempts:6}") int readAttempts,
                         @Value("${healthmed.events.read-backoff:PT1S}") Duration readBackoff) {
        this.store = store;
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

    /**
     * The account's events after {@code after} (an id it received earlier), then live; without
     * {@code after}, from now on. The starting point is fixed when this is called, before anything is
     * subscribed. BAD_USER_INPUT ({@code field: after}) when the id is not one of the account's events;
     * EVENTS_EXPIRED when it is older than the retention.
     */
    public Flux<Delivery> follow(AccountId account, Optional<String> after) {
        AtomicLong last = new AtomicLong(after.map(id -> positionOf(account, id)).orElseGet(() -> store.last(account)));
        listenForWakeUps();
        Flux<Object> wakeUps = Flux.create(sink -> {
            wakeable.computeIfAbsent(account, a -> ConcurrentHashMap.newKeySet()).add(sink);
            sink.onDispose(() -> wakeable.computeIfPresent(account, (a, sinks) -> {
                sinks.remove(sink);
                return sinks.isEmpty() ? null : sinks;
            }));
        }, FluxSink.OverflowStrategy.LATEST);
        // merge subscribes in order: the wake-ups first, then the first read — nothing appended after it is missed
        return Flux.merge(wakeUps, Flux.just(TICK), polls())
                .onBackpressureLatest()
                .concatMap(tick -> read(account, last), 1)
                .concatMapIterable(deliveries -> deliveries);
    }

    /**
     * The periodic reads, in case a wake-up was lost. The first comes after a random half to whole
     * interval, so subscriptions opened together (clients reconnecting after a deploy) do not all read
     * at the same moments.
     */
    private Flux<Object> polls() {
        long half = Math.max(1, pollInterval.toMillis() / 2);
        Duration first = Duration.ofMillis(half + java.util.concurrent.ThreadLocalRandom.current().nextLong(half));
        return Flux.interval(first, pollInterval).cast(Object.class);
    }

    /**
     * Reads what is new. A failed read (storage briefly unavailable) is logged and retried with growing,
     * jittered delays, from where the subscription is ({@code last} only moves with what was delivered);
     * only after {@code healthmed.events.read-attempts} failures in a row does the subscription end, with
     * STORAGE_UNAVAILABLE: the client resubscribes with {@code after:} and misses nothing.
     */
    private Mono<List<Delivery>> read(AccountId account, AtomicLong last) {
        return Mono.fromCallable(() -> newSince(account, last)).subscribeOn(scheduler)
                .retryWhen(Retry.backoff(readAttempts - 1L, readBackoff).jitter(0.5)
                        .doBeforeRetry(failed -> log.warn("Could not read the event log of {} (failure {}); retrying: {}",
                                account, failed.totalRetries() + 1, failed.failure().toString()))
                        .onRetryExhaustedThrow((spec, failed) -> storageUnavailable(account, failed.failure())));
    }

    private DomainException storageUnavailable(AccountId account, Throwable failure) {
        log.error("Ending a subscription to the events of {}: its log could not be read {} times in a row: {}",
                account, readAttempts, failure.toString());
        return new DomainException(PlatformErrors.STORAGE_UNAVAILABLE,
                "Your appointment events cannot be read right now; subscribe again with after: the last id you received.",
                Map.of("retryAfterSeconds", 5));
    }

    /**
     * One bus subscription per instance, made before the first subscriber's first read (with Redis,
     * this returns once Redis confirmed it); each wake-up goes only to the subscribers of its account.
     * Should it fail (Redis away at that moment), the next subscriber tries again; polls cover meanwhile.
     */
    private synchronized void listenForWakeUps() {
        if (wakeUps != null && !wakeUps.isDisposed()) {
            return;
        }
        wakeUps = bus.subscribe(AppointmentEvent.TOPIC, Appended.class).subscribe(
                appended -> wakeable.getOrDefault(appended.account(), Set.of()).forEach(sink -> sink.next(TICK)),
                failure -> log.warn("Appointment events cannot hear wake-ups now; subscriptions poll: {}", failure.toString()));
    }

    private List<Delivery> newSince(AccountId account, AtomicLong last) {
        List<Delivery> deliveries = new ArrayList<>();
        List<AppointmentEventStore.Logged> page;
        do {
            page = store.after(account, last.get(), PAGE);
            for (AppointmentEventStore.Logged logged : page) {
                deliveries.add(new Delivery(EventCursor.of(logged).encoded(), logged.event()));
                last.set(logged.position());
            }
        } while (page.size() == PAGE);
        return deliveries;
    }

    /**
     * Where the account's log ends now, as an id for {@code after}: the last event's id, or, while the
     * log is empty, a cursor before its first position. A client that subscribes with it, rather than
     * without {@code after}, can resume without a gap even when its connection breaks before its first
     * event (with no event received it would have no id to resume from; found by the chaos suite:
     * a patient's first change lost in the reconnect).
     */
    public String cursor(AccountId account) {
        long last = store.last(account);
        Optional<AppointmentEventStore.Logged> end = last == 0 ? Optional.empty() : store.at(account, last);
        return end.map(EventCursor::of)
                .orElseGet(() -> EventCursor.beforeEverything(account, clock.instant())) // empty, or its end just expired
                .encoded();
    }

    private long positionOf(AccountId account, String id) {
        EventCursor cursor = EventCursor.parse(id).filter(c -> c.account().equals(account)).orElseThrow(AppointmentEventFeed::unknown);
        if (cursor.appendedAt().isBefore(clock.instant().minus(retention))) {
            throw new DomainException(SchedulingErrors.EVENTS_EXPIRED,
                    "That event is older than the events kept; read your appointments again and subscribe without after.");
        }
        if (cursor.isBeforeEverything()) {
            return 0;
        }
        return store.at(account, cursor.position()).filter(cursor::names).map(AppointmentEventStore.Logged::position)
                .orElseThrow(AppointmentEventFeed::unknown);
    }

    private static DomainException unknown() {
        return DomainException.invalid(PlatformErrors.BAD_USER_INPUT, "after", "after must be the id of one of your appointment events");
    }

    @Override
    public synchronized void destroy() {
        if (wakeUps != null) {
            wakeUps.dispose();
        }
        scheduler.dispose();
        threads.shutdownNow();
    }
}
