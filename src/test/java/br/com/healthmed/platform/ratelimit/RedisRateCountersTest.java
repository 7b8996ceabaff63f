package br.com.healthmed.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.support.Concurrently;
import br.com.healthmed.support.RedisServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import br.com.healthmed.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Flux;

/** The Redis adapter against a real redis-server; and what it does when Redis cannot be reached. */
class RedisRateCountersTest extends RateCountersContract {

    private final List<LettuceConnectionFactory> factories = new ArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RedisRateCounters counters = connectedTo(RedisServer.port());

    /**
     * Counters as one instance of the service has them: its own connection to the shared Redis. Scored
     * by the test's clock (the contract moves it through windows of minutes), not Redis's.
     */
    private RedisRateCounters connectedTo(int port) {
        return new RedisRateCounters(template(port), "ratelimit-test:", clock, RedisRateCounters.TimeSource.INJECTED_CLOCK,
                RedisServer.PATIENT_COUNTERS, meters);
    }

    private CountingTemplate template(int port) {
        LettuceConnectionFactory factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration(RedisServer.host(), port));
        factory.afterPropertiesSet();
        factory.start();
        factories.add(factory);
        return new CountingTemplate(factory);
    }

    /** Counts the calls sent towards Redis, reached or not (every call of the counters is a script). */
    private static final class CountingTemplate extends ReactiveStringRedisTemplate {
        final AtomicInteger scriptCalls = new AtomicInteger();

        CountingTemplate(LettuceConnectionFactory factory) {
            super(factory);
        }

        @Override
        public <T> Flux<T> execute(RedisScript<T> script, List<String> keys, List<?> args) {
            scriptCalls.incrementAndGet();
            return super.execute(script, keys, args);
        }
    }

    @AfterEach
    void close() {
        factories.forEach(LettuceConnectionFactory::destroy);
    }

    @Override
    protected RateCounters counters() {
        return counters;
    }

    @Test
    void twoInstancesCountAgainstOneBudget() {
        RedisRateCounters otherInstance = connectedTo(RedisServer.port());
        counters.tryAcquire(key, 2, WINDOW);

        assertThat(otherInstance.tryAcquire(key, 2, WINDOW).acquired()).isTrue();
        assertThat(counters.tryAcquire(key, 2, WINDOW).acquired()).isFalse();
        assertThat(otherInstance.usage(key, WINDOW).hits()).isEqualTo(2);
    }

    @Test
    void withoutRedisTheLimitsStillHoldPerInstanceAndTheOutageIsCounted() throws IOException {
        RedisRateCounters unreachable = connectedTo(closedPort());

        assertThat(unreachable.tryAcquire(key, 2, WINDOW).acquired()).isTrue();
        assertThat(unreachable.tryAcquire(key, 2, WINDOW).acquired()).isTrue();
        assertThat(unreachable.tryAcquire(key, 2, WINDOW).acquired()).isFalse();

        assertThat(fallbacks("tryAcquire")).isEqualTo(3.0);
    }

    @Test
    void afterAFewFailuresCallsStopTryingRedisAndCountLocallyAtOnce() throws IOException {
        CountingTemplate unreachableRedis = template(closedPort());
        RedisRateCounters counters = new RedisRateCounters(unreachableRedis, "ratelimit-test:", clock,
                RedisRateCounters.TimeSource.INJECTED_CLOCK, new RedisRateCounters.Guard(Duration.ofSeconds(10), 16, 3, Duration.ofHours(1)),
                meters);

        List<Boolean> acquired = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            acquired.add(counters.tryAcquire(key, 2, WINDOW).acquired());
        }

        assertThat(unreachableRedis.scriptCalls).hasValue(3); // the breaker opened after three failures
        assertThat(acquired).containsExactly(true, true, false, false, false, false, false, false, false, false);
        assertThat(fallbacks("tryAcquire")).isEqualTo(10.0);
    }

    /**
     * Issue 14: a Redis that stops answering (SIGSTOP: its connections stay open, nothing replies) while
     * a burst of bookings is in flight. Each booking counts itself against three limits and gives the
     * counts back (its slot was taken): six calls. Every one of them still gets its answer from the
     * per-instance counters, and only a few calls in all wait on Redis — at most {@code max-waiting} at
     * a time, and only until the breaker opens (after at most its window of ten failures) — not every
     * call of every booking: at most 20 of 240. The code before waited on Redis for each booking's
     * first call at least (45 calls here), each for the 2 s command timeout.
     */
    @Test
    void aBurstAgainstAPausedRedisGetsItsAnswersLocallyWithOnlyAFewCallsWaitingOnRedis() throws Exception {
        RedisRateCounters.Guard guard = new RedisRateCounters.Guard(Duration.ofMillis(250), 10, 5, Duration.ofHours(1));
        int bookings = 40;
        int breakerWindow = RedisRateCounters.BREAKER_WINDOW;
        try (RedisServer.Own redis = RedisServer.startOwn()) {
            CountingTemplate paused = template(redis.port());
            RedisRateCounters counters = new RedisRateCounters(paused, "ratelimit-test:", clock,
                    RedisRateCounters.TimeSource.INJECTED_CLOCK, guard, meters);
            for (int i = 0; i < breakerWindow; i++) { // healthy until now: the breaker's window is full of successes
                counters.release(counters.tryAcquire("warm-" + i, 1, WINDOW).hit().orElseThrow());
            }
            paused.scriptCalls.set(0);
            redis.pause();

            List<Object> countsTaken = Concurrently.run(bookings, booking -> () -> {
                List<RateCounters.Hit> hits = new ArrayList<>();
                for (String limit : List.of("account-" + booking, "network", "device")) {
                    counters.tryAcquire(key + limit, 1_000, WINDOW, "booking-" + booking).hit().ifPresent(hits::add);
                }
                hits.forEach(counters::release);
                return hits.size();
            });

            assertThat(countsTaken).hasSize(bookings).containsOnly(3); // every call answered, by the local counters
            assertThat(paused.scriptCalls.get())
                    .as("calls that waited on the paused Redis, of %d", bookings * 6)
                    .isLessThanOrEqualTo(breakerWindow + guard.maxWaiting());
            assertThat(counters.usage(key + "network", WINDOW).hits()).isZero(); // every count given back
        }
    }

    @Test
    void callsWaitOnRedisFarLessThanTheConnectionsCommandTimeout() {
        assertThat(RedisRateCounters.Guard.DEFAULT.callTimeout()).isLessThanOrEqualTo(Duration.ofMillis(250));
        assertThat(RedisRateCounters.Guard.DEFAULT.maxWaiting()).isGreaterThanOrEqualTo(RedisRateCounters.BREAKER_WINDOW);
    }

    private double fallbacks(String operation) {
        return meters.find("healthmed.ratelimit.fallback").tag("operation", operation).counters().stream()
                .mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
    }

    @Test
    void inProductionHitsAreScoredByRedisClockSoInstancesWithSkewedClocksShareOneWindow() {
        MutableClock behind = new MutableClock(Instant.parse("2000-01-01T00:00:00Z"));
        MutableClock ahead = new MutableClock(Instant.parse("2100-01-01T00:00:00Z"));
        RedisRateCounters slowInstance = new RedisRateCounters(template(RedisServer.port()), "ratelimit-test:", behind, RedisServer.PATIENT_COUNTERS, meters);
        RedisRateCounters fastInstance = new RedisRateCounters(template(RedisServer.port()), "ratelimit-test:", ahead, RedisServer.PATIENT_COUNTERS, meters);

        slowInstance.hit(key, WINDOW);

        assertThat(fastInstance.hit(key, WINDOW)).isEqualTo(2);
        assertThat(slowInstance.usage(key, WINDOW).hits()).isEqualTo(2);
        assertThat(fastInstance.tryAcquire(key, 2, WINDOW).acquired()).isFalse();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
