package br.com.healthmed.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.PlatformErrors;
import br.com.healthmed.scheduling.store.TestStores;
import br.com.healthmed.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

/**
 * A subscription outlives a brief storage outage: a failed read of the log is retried from where the
 * subscription is, and the events appended meanwhile still arrive, once each. Only a read that keeps
 * failing ends it, with STORAGE_UNAVAILABLE and when to retry, not an anonymous internal error.
 */
class AppointmentEventFeedTest {

    private static final Instant NOW = Instant.parse("2027-03-15T12:00:00Z");
    private final AppointmentEventStore events = TestStores.inMemoryEvents();
    /** How many of the next log reads fail. */
    private final AtomicInteger failingReads = new AtomicInteger();
    private final AppointmentEventFeed feed = new AppointmentEventFeed(new FailingReads(events, failingReads),
            new DrillBus(() -> {}), new MutableClock(NOW), Duration.ofDays(7), Duration.ofMillis(50), 4, Duration.ofMillis(5));
    private final AccountId patient = AccountId.random();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final AtomicReference<Throwable> ended = new AtomicReference<>();
    private Disposable subscription;

    @AfterEach
    void stop() {
        if (subscription != null) {
            subscription.dispose();
        }
        feed.destroy();
    }

    private void subscribe() {
        subscription = feed.follow(patient, Optional.empty()).subscribe(d -> received.add(d.event().id()), ended::set);
    }

    private AppointmentEvent append(int index) {
        AppointmentEvent event = new AppointmentEvent(AppointmentEvent.idOf(appointment, index),
                index == 0 ? AppointmentEventKind.REQUESTED : AppointmentEventKind.CONFIRMED, appointment, AccountId.random(),
                patient, index == 0 ? AppointmentStatus.REQUESTED : AppointmentStatus.CONFIRMED, Optional.empty(),
                NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(50)), Optional.empty(), NOW);
        events.append(patient, event, NOW);
        return event;
    }

    private final AppointmentId appointment = AppointmentId.random();

    @Test
    void aBriefStorageErrorDoesNotEndTheSubscriptionAndNothingIsMissed() {
        subscribe();
        AppointmentEvent before = append(0);
        awaitUntil(() -> received.size() == 1);

        failingReads.set(3); // fewer than the attempts: a blip
        AppointmentEvent during = append(1);
        awaitUntil(() -> received.size() == 2 || ended.get() != null);

        assertThat(ended.get()).isNull();
        assertThat(received).containsExactly(before.id(), during.id());
    }

    @Test
    void aReadThatKeepsFailingEndsTheSubscriptionWithStorageUnavailable() {
        failingReads.set(Integer.MAX_VALUE);
        subscribe();
        awaitUntil(() -> ended.get() != null);

        assertThat(ended.get()).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo(PlatformErrors.STORAGE_UNAVAILABLE);
            assertThat(e.extensions()).containsKey("retryAfterSeconds");
        });
    }

    private static void awaitUntil(BooleanSupplier condition) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (!condition.getAsBoolean() && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
        }
        assertThat(condition.getAsBoolean()).as("condition reached before the deadline").isTrue();
    }

    /** The store, with its log reads failing while {@code failing} is above zero (DynamoDB briefly away). */
    private record FailingReads(AppointmentEventStore store, AtomicInteger failing) implements AppointmentEventStore {
        @Override
        public List<Logged> after(AccountId account, long position, int limit) {
            if (failing.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
                throw new IllegalStateException("Unable to execute HTTP request: connection refused");
            }
            return store.after(account, position, limit);
        }

        @Override public void expect(AppointmentId a, long version, int baseline, Instant now) { store.expect(a, version, baseline, now); }
        @Override public Optional<Pending> pending(AppointmentId a) { return store.pending(a); }
        @Override public List<Pending> due(Instant now, int limit) { return store.due(now, limit); }
        @Override public void delivered(AppointmentId a, String target, int delivered) { store.delivered(a, target, delivered); }
        @Override public void retryAt(AppointmentId a, int attempts, Instant next) { store.retryAt(a, attempts, next); }
        @Override public boolean clear(AppointmentId a, long version) { return store.clear(a, version); }
        @Override public Logged append(AccountId account, AppointmentEvent e, Instant now) { return store.append(account, e, now); }
        @Override public long last(AccountId account) { return store.last(account); }
        @Override public Optional<Logged> at(AccountId account, long position) { return store.at(account, position); }
    }
}
