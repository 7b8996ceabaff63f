package br.com.healthmed.platform.events.log;

import br.com.healthmed.platform.EntityId;
import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.PlatformErrors;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * An owner's events as a subscription sees them: read from the owner's {@link EventLog} (the source of
 * truth), in log order, from a position on. Replay and live are one loop: whenever the bus says the log
 * grew ({@link WakeUps}), or every {@code healthmed.events.poll-interval} in case a wake-up was lost, the
 * entries after the last one delivered are read and delivered, a page at a time. So there is no seam where
 * an event could be lost or doubled, and a wake-up that arrives before the subscription has read anything
 * only makes it read sooner. Made by {@link EventLogFeeds}, one per kind of log.
 */
public final class EventLogFeed<E> {

    /** One event as its subscriber receives it: {@code id} is its cursor, to resume {@code after} it. */
    public record Delivery<E>(String id, E event) {}

    /**
     * What tells one kind of log's subscriptions apart: the tag of its cursors ({@link EventCursor}), its
     * wake-ups, and for the messages, what its events are called ("appointment events") and what a client
     * whose cursor expired reads instead ("read myAppointments").
     */
    public record Kind(String cursorTag, WakeUps<?> wakeUps, String events, String readInstead) {}

    private static final Logger log = LoggerFactory.getLogger(EventLogFeed.class);
    /** How many entries one read takes; each page is delivered before the next is read. */
    static final int PAGE = 100;
    private static final Object TICK = new Object();

    private final Kind kind;
    private final EventLog<E> events;
    private final EventLogFeeds feeds;
    /** The wake-up sinks of this instance's subscriptions, by owner. */
    private final Map<String, Set<FluxSink<Object>>> wakeable = new ConcurrentHashMap<>();
    /** This instance's one subscription to the wake-ups; guarded by {@code this}. */
    private @Nullable Disposable wakeUps;

    EventLogFeed(Kind kind, EventLog<E> events, EventLogFeeds feeds) {
        this.kind = kind;
        this.events = events;
        this.feeds = feeds;
    }

    /**
     * The owner's events after {@code after} (an id it received earlier, or a {@link #cursor}), then live;
     * without {@code after}, from now on. The starting point is fixed when this is called, before anything
     * is subscribed. BAD_USER_INPUT ({@code field: after}) when the id is not one of the owner's events or
     * names a time ahead of this clock (beyond {@link EventLog#CLOCK_SKEW}); EVENTS_EXPIRED when it is
     * older than the retention.
     */
    public Flux<Delivery<E>> follow(EntityId owner, Optional<String> after) {
        AtomicLong last = new AtomicLong(after.map(id -> positionOf(owner, id)).orElseGet(() -> events.last(owner)));
        listenForWakeUps();
        String key = key(owner);
        Flux<Object> wakeUpsOfOwner = Flux.create(sink -> {
            wakeable.computeIfAbsent(key, a -> ConcurrentHashMap.newKeySet()).add(sink);
            sink.onDispose(() -> wakeable.computeIfPresent(key, (a, sinks) -> {
                sinks.remove(sink);
                return sinks.isEmpty() ? null : sinks;
            }));
        }, FluxSink.OverflowStrategy.LATEST);
        // merge subscribes in order: the wake-ups first, then the first read — nothing appended after it is missed
        return Flux.merge(wakeUpsOfOwner, Flux.just(TICK), polls())
                .onBackpressureLatest()
                .concatMap(tick -> Flux.defer(() -> newSince(owner, last.get(), last)), 1);
    }

    /**
     * The periodic reads, in case a wake-up was lost. The first comes after a random half to whole
     * interval, so subscriptions opened together (clients reconnecting after a deploy) do not all read
     * at the same moments.
     */
    private Flux<Object> polls() {
        long half = Math.max(1, feeds.pollInterval.toMillis() / 2);
        Duration first = Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half));
        return Flux.interval(first, feeds.pollInterval).cast(Object.class);
    }

    /**
     * What is new after {@code after}, a page at a time: a page's events are delivered before the next page
     * is read, so a long replay starts at once and never sits in memory whole. {@code last} moves with each
     * event delivered.
     */
    private Flux<Delivery<E>> newSince(EntityId owner, long after, AtomicLong last) {
        return page(owner, after).flatMapMany(page -> {
            Flux<Delivery<E>> deliveries = Flux.fromIterable(page).map(logged -> {
                last.set(logged.position());
                return new Delivery<>(EventCursor.of(kind.cursorTag(), logged).encoded(), logged.event());
            });
            if (page.size() < PAGE) {
                return deliveries;
            }
            long end = page.get(page.size() - 1).position();
            return deliveries.concatWith(Flux.defer(() -> newSince(owner, end, last)));
        });
    }

    /**
     * Reads one page. A failed read (storage briefly unavailable) is logged and retried with growing,
     * jittered delays, from the same place; only after {@code healthmed.events.read-attempts} failures in a
     * row does the subscription end, with STORAGE_UNAVAILABLE: the client resubscribes with {@code after:}
     * and misses nothing.
     */
    private Mono<List<Logged<E>>> page(EntityId owner, long after) {
        return Mono.fromCallable(() -> events.after(owner, after, PAGE)).subscribeOn(feeds.scheduler)
                .retryWhen(Retry.backoff(feeds.readAttempts - 1L, feeds.readBackoff).jitter(0.5)
                        .doBeforeRetry(failed -> log.warn("Could not read the {} log of {} (failure {}); retrying: {}",
                                kind.cursorTag(), owner, failed.totalRetries() + 1, failed.failure().toString()))
                        .onRetryExhaustedThrow((spec, failed) -> storageUnavailable(owner, failed.failure())));
    }

    private DomainException storageUnavailable(EntityId owner, Throwable failure) {
        log.error("Ending a subscription to the {} log of {}: it could not be read {} times in a row: {}",
                kind.cursorTag(), owner, feeds.readAttempts, failure.toString());
        return new DomainException(PlatformErrors.STORAGE_UNAVAILABLE, "Your " + kind.events()
                + " cannot be read right now; subscribe again with after: the last id you received.", Map.of("retryAfterSeconds", 5));
    }

    /**
     * One bus subscription per instance and kind of log, made before the first subscriber's first read
     * (with Redis, this returns once Redis confirmed it); each wake-up goes only to the subscribers of its
     * owner. Should it fail (Redis away at that moment), the next subscriber tries again; polls cover meanwhile.
     */
    private synchronized void listenForWakeUps() {
        if (wakeUps != null && !wakeUps.isDisposed()) {
            return;
        }
        wakeUps = kind.wakeUps().owners(feeds.bus).subscribe(
                owner -> wakeable.getOrDefault(owner, Set.of()).forEach(sink -> sink.next(TICK)),
                failure -> log.warn("Subscriptions to {} cannot hear wake-ups now; they poll: {}", kind.events(), failure.toString()));
    }

    synchronized void stopListening() {
        if (wakeUps != null) {
            wakeUps.dispose();
        }
    }

    /**
     * Where the owner's log ends now, as an id for {@code after}: the last event's id, or, while the log is
     * empty, a cursor before its first position. A client that subscribes with it, rather than without
     * {@code after}, can resume without a gap even when its connection breaks before its first event (with
     * no event received it would have no id to resume from; found by the chaos suite: a patient's first
     * change lost in the reconnect).
     */
    public String cursor(EntityId owner) {
        long last = events.last(owner);
        Optional<Logged<E>> end = last == 0 ? Optional.empty() : events.at(owner, last);
        return end.map(logged -> EventCursor.of(kind.cursorTag(), logged))
                .orElseGet(() -> EventCursor.beforeEverything(kind.cursorTag(), key(owner), feeds.clock.instant())) // empty, or its end just expired
                .encoded();
    }

    private long positionOf(EntityId owner, String id) {
        Instant now = feeds.clock.instant();
        EventCursor cursor = EventCursor.parse(kind.cursorTag(), id).filter(c -> c.owner().equals(key(owner)))
                .orElseThrow(this::unknown);
        if (cursor.appendedAt().isAfter(now.plus(EventLog.CLOCK_SKEW))) {
            // never handed out (its time has not come): forged, and before this check one of position 0 never expired
            throw unknown();
        }
        if (cursor.appendedAt().isBefore(now.minus(feeds.retention))) {
            throw new DomainException(PlatformErrors.EVENTS_EXPIRED, "That event is older than the events kept; "
                    + kind.readInstead() + " again and subscribe without after.");
        }
        if (cursor.isBeforeEverything()) {
            return 0;
        }
        return events.at(owner, cursor.position()).filter(cursor::names).map(Logged::position).orElseThrow(this::unknown);
    }

    private DomainException unknown() {
        return DomainException.invalid(PlatformErrors.BAD_USER_INPUT, "after", "after must be the id of one of your " + kind.events());
    }

    private static String key(EntityId owner) {
        return owner.value().toString();
    }
}
