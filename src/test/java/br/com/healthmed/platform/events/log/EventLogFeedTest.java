package br.com.healthmed.platform.events.log;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.platform.EntityId;
import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.PlatformErrors;
import br.com.healthmed.platform.events.EventBus;
import br.com.healthmed.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * The loop every event log's subscriptions share, on the in-memory log, with a bus that never wakes anyone
 * (so what arrives was read by the first read or a poll). A long replay arrives a page at a time; a subscription
 * outlives a brief storage outage and misses nothing; only a read that keeps failing ends it, with
 * STORAGE_UNAVAILABLE; a cursor whose time has not come is refused like one never handed out.
 */
class EventLogFeedTest {

    private static final Instant NOW = Instant.parse("2027-03-15T12:00:00Z");
    private static final String TAG = "t1";
    private final MutableClock clock = new MutableClock(NOW);
    private final EventLog<Noted> events = new InMemoryEventLog<>(Noted::id);
    /** How many of the next log reads fail. */
    private final AtomicInteger failingReads = new AtomicInteger();
    /** Opened by the test once the first page has arrived; the log's second read waits for it. */
    private final CountDownLatch firstPageReceived = new CountDownLatch(1);
    private final AtomicReference<Boolean> secondReadWaitedForTheFirstPage = new AtomicReference<>();
    private final AtomicInteger reads = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicBoolean gated = new java.util.concurrent.atomic.AtomicBoolean();
    private EventLogFeeds feeds = feeds(Duration.ofMillis(50));
    private EventLogFeed<Noted> feed = feeds.feed(new EventLogFeed.Kind(TAG, new WakeUps<>("test.wake-ups", String.class, s -> s),
            "notes", "read your notes"), new Gated(events));
    private final Noted.Owner owner = Noted.Owner.random();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final AtomicReference<Throwable> ended = new AtomicReference<>();
    private Disposable subscription;

    private EventLogFeeds feeds(Duration pollInterval) {
        return new EventLogFeeds(new SilentBus(), clock, Duration.ofDays(7), pollInterval, 4, Duration.ofMillis(5));
    }

    @AfterEach
    void stop() {
        if (subscription != null) {
            subscription.dispose();
        }
        feeds.destroy();
    }

    private void subscribe(Optional<String> after) {
        subscription = feed.follow(owner, after).subscribe(d -> {
            received.add(d.event().id());
            if (received.size() == EventLogFeed.PAGE) {
                firstPageReceived.countDown();
            }
        }, ended::set);
    }

    private Noted append() {
        Noted noted = Noted.at(clock.instant());
        events.append(owner, noted, clock.instant());
        return noted;
    }

    @Test
    void aLongReplayIsDeliveredPageByPageTheFirstEventsBeforeTheLogIsReadToTheEnd() {
        feeds.destroy();
        feeds = feeds(Duration.ofHours(1)); // no poll during the replay: its reads are the replay's own
        feed = feeds.feed(new EventLogFeed.Kind(TAG, new WakeUps<>("test.wake-ups", String.class, s -> s), "notes", "read your notes"),
                new Gated(events));
        String before = feed.cursor(owner);
        List<String> missed = new java.util.ArrayList<>();
        for (int i = 0; i < 2 * EventLogFeed.PAGE + 50; i++) {
            missed.add(append().id());
        }
        gated.set(true);

        subscribe(Optional.of(before));
        awaitUntil(() -> received.size() == missed.size() || ended.get() != null);

        assertThat(ended.get()).isNull();
        assertThat(received).containsExactlyElementsOf(missed);
        assertThat(secondReadWaitedForTheFirstPage.get()).as("the first page had arrived before the second was read").isTrue();
    }

    @Test
    void aBriefStorageErrorDoesNotEndTheSubscriptionAndNothingIsMissed() {
        subscribe(Optional.empty());
        Noted before = append();
        awaitUntil(() -> received.size() == 1);

        failingReads.set(3); // fewer than the attempts: a blip
        Noted during = append();
        awaitUntil(() -> received.size() == 2 || ended.get() != null);

        assertThat(ended.get()).isNull();
        assertThat(received).containsExactly(before.id(), during.id());
    }

    @Test
    void aReadThatKeepsFailingEndsTheSubscriptionWithStorageUnavailable() {
        failingReads.set(Integer.MAX_VALUE);
        subscribe(Optional.empty());
        awaitUntil(() -> ended.get() != null);

        assertThat(ended.get()).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo(PlatformErrors.STORAGE_UNAVAILABLE);
            assertThat(e.extensions()).containsKey("retryAfterSeconds");
        });
    }

    @Test
    void aCursorWhoseTimeHasNotComeIsRefusedAndOneWithinTheClockSkewIsTaken() {
        String owners = owner.value().toString();
        String farAhead = EventCursor.beforeEverything(TAG, owners, NOW.plus(Duration.ofDays(3650))).encoded();
        String withinSkew = EventCursor.beforeEverything(TAG, owners, NOW.plus(EventLog.CLOCK_SKEW).minusSeconds(1)).encoded();
        String ofAnotherLog = EventCursor.beforeEverything("x1", owners, NOW).encoded();

        for (String refused : List.of(farAhead, ofAnotherLog)) {
            Throwable failure = catchFollow(refused);
            assertThat(failure).isInstanceOfSatisfying(DomainException.class, e -> {
                assertThat(e.code()).isEqualTo(PlatformErrors.BAD_USER_INPUT);
                assertThat(e.extensions()).containsEntry("field", "after");
            });
        }
        assertThat(catchFollow(withinSkew)).isNull();
        // and the far-future one never turns into one that expires later: it is refused from the start
        clock.advance(Duration.ofDays(30));
        assertThat(catchFollow(farAhead)).isInstanceOf(DomainException.class);
    }

    private Throwable catchFollow(String after) {
        try {
            feed.follow(owner, Optional.of(after));
            return null;
        } catch (DomainException e) {
            return e;
        }
    }

    private static void awaitUntil(BooleanSupplier condition) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!condition.getAsBoolean() && Instant.now().isBefore(deadline)) {
            java.util.concurrent.locks.LockSupport.parkNanos(java.time.Duration.ofMillis(10).toNanos()); // polling, not timing
        }
        assertThat(condition.getAsBoolean()).as("condition reached before the deadline").isTrue();
    }

    /**
     * The log, its reads failing while {@code failingReads} is above zero (DynamoDB briefly away), and, once
     * {@code gated}, its second read waiting (at most 20 s) until the first page has arrived: a feed that delivers only once
     * it has read everything never lets it through, and the test says so.
     */
    private final class Gated implements EventLog<Noted> {
        private final EventLog<Noted> log;

        Gated(EventLog<Noted> log) {
            this.log = log;
        }

        @Override
        public List<Logged<Noted>> after(EntityId owner, long position, int limit) {
            if (failingReads.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
                throw new IllegalStateException("Unable to execute HTTP request: connection refused");
            }
            if (gated.get() && reads.incrementAndGet() == 2) {
                try {
                    secondReadWaitedForTheFirstPage.compareAndSet(null, firstPageReceived.await(20, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return log.after(owner, position, limit);
        }

        @Override
        public Logged<Noted> append(EntityId owner, Noted event, Instant now) {
            return log.append(owner, event, now);
        }

        @Override
        public long last(EntityId owner) {
            return log.last(owner);
        }

        @Override
        public Optional<Logged<Noted>> at(EntityId owner, long position) {
            return log.at(owner, position);
        }
    }

    /** A bus that carries nothing: a wake-up lost, or Redis away. */
    private static final class SilentBus implements EventBus {
        @Override
        public void publish(String topic, Object event) {}

        @Override
        public <T> Flux<T> subscribe(String topic, Class<T> type) {
            return Flux.never();
        }
    }
}
