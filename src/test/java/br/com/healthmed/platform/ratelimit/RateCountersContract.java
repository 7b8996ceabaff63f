package br.com.healthmed.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.support.Concurrently;
import br.com.healthmed.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link RateCounters} adapter promises: a sliding window, atomic under concurrency. */
abstract class RateCountersContract {

    static final Duration WINDOW = Duration.ofMinutes(15);

    /** The clock the adapter under test reads; tests move it. */
    protected final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T12:00:00Z"));

    protected abstract RateCounters counters();

    /** A key no other test uses (the Redis server is shared). */
    final String key = "test:" + UUID.randomUUID();

    @Test
    void hitsAreAcquiredUpToTheLimitThenRefusedUntilTheOldestLeavesTheWindow() {
        for (int i = 0; i < 3; i++) {
            assertThat(counters().tryAcquire(key, 3, WINDOW).acquired()).isTrue();
            clock.advance(Duration.ofMinutes(1));
        }

        RateCounters.Acquisition refused = counters().tryAcquire(key, 3, WINDOW);

        assertThat(refused.acquired()).isFalse();
        assertThat(refused.fullUntil()).contains(Instant.parse("2026-03-10T12:15:00Z"));
    }

    @Test
    void aHitCountsUntilExactlyOneWindowLater() {
        counters().hit(key, WINDOW);
        clock.advance(WINDOW.minusMillis(1));
        assertThat(counters().usage(key, WINDOW).hits()).isEqualTo(1);

        clock.advance(Duration.ofMillis(1));

        assertThat(counters().usage(key, WINDOW)).isEqualTo(RateCounters.Usage.NONE);
        assertThat(counters().tryAcquire(key, 1, WINDOW).acquired()).isTrue();
    }

    @Test
    void theWindowSlides() {
        counters().hit(key, WINDOW);                   // t = 0
        clock.advance(Duration.ofMinutes(10));
        counters().hit(key, WINDOW);                   // t = 10 min
        clock.advance(Duration.ofMinutes(5));          // t = 15 min: the first has left

        assertThat(counters().hit(key, WINDOW)).isEqualTo(2);
        assertThat(counters().usage(key, WINDOW))
                .isEqualTo(new RateCounters.Usage(2, Optional.of(Instant.parse("2026-03-10T12:25:00Z"))));
    }

    @Test
    void hitCountsBeyondTheLimitThatTryAcquireKeeps() {
        for (int i = 0; i < 4; i++) {
            counters().hit(key, WINDOW);
        }

        assertThat(counters().hit(key, WINDOW)).isEqualTo(5);
        assertThat(counters().tryAcquire(key, 5, WINDOW).acquired()).isFalse();
    }

    @Test
    void aReleasedHitNoLongerCounts() {
        RateCounters.Hit first = counters().tryAcquire(key, 2, WINDOW).hit().orElseThrow();
        counters().tryAcquire(key, 2, WINDOW);

        counters().release(first);

        assertThat(counters().usage(key, WINDOW).hits()).isEqualTo(1);
        assertThat(counters().tryAcquire(key, 2, WINDOW).acquired()).isTrue();
        counters().release(first); // twice: nothing more
        assertThat(counters().usage(key, WINDOW).hits()).isEqualTo(2);
    }

    @Test
    void resetForgetsEveryHitOfTheKeyOnly() {
        String other = key + ":other";
        counters().hit(key, WINDOW);
        counters().hit(key, WINDOW);
        counters().hit(other, WINDOW);

        counters().reset(key);

        assertThat(counters().usage(key, WINDOW)).isEqualTo(RateCounters.Usage.NONE);
        assertThat(counters().usage(other, WINDOW).hits()).isEqualTo(1);
    }

    @Test
    void acquiringAgainWithTheSameHitIdCountsOnceAndSucceedsEvenWhenFull() {
        assertThat(counters().tryAcquire(key, 2, WINDOW, "request-1").hit()).contains(new RateCounters.Hit(key, "request-1"));
        counters().tryAcquire(key, 2, WINDOW, "request-2");

        assertThat(counters().tryAcquire(key, 2, WINDOW, "request-1").acquired()).isTrue();
        assertThat(counters().usage(key, WINDOW).hits()).isEqualTo(2);
        assertThat(counters().tryAcquire(key, 2, WINDOW, "request-3").acquired()).isFalse();
    }

    @Test
    void concurrentCopiesOfOneHitIdCountOnce() throws Exception {
        List<Object> results = Concurrently.run(20, i -> () -> counters().tryAcquire(key, 5, WINDOW, "the-request").acquired());

        assertThat(results).containsOnly(true);
        assertThat(counters().usage(key, WINDOW).hits()).isEqualTo(1);
    }

    @Test
    void anUnknownKeyHasNoHits() {
        assertThat(counters().usage(key, WINDOW)).isEqualTo(RateCounters.Usage.NONE);
    }

    @Test
    void ofFiftyConcurrentAcquisitionsExactlyTheLimitSucceed() throws Exception {
        List<Object> results = Concurrently.run(50, i -> () -> counters().tryAcquire(key, 7, WINDOW).acquired());

        assertThat(results).filteredOn(Boolean.TRUE::equals).hasSize(7);
        assertThat(counters().usage(key, WINDOW).hits()).isEqualTo(7);
    }

    @Test
    void concurrentHitsAreAllCounted() throws Exception {
        Concurrently.run(40, i -> () -> counters().hit(key, WINDOW));

        assertThat(counters().usage(key, WINDOW).hits()).isEqualTo(40);
    }
}
