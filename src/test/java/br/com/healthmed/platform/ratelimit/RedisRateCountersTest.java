package br.com.healthmed.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

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
                RedisRateCounters.Breaker.DEFAULT, meters);
    }

    private CountingTemplate template(int port) {
        LettuceConnectionFactory factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration(RedisServer.host(), port));
        factory.afterPropertiesSet();
        factory.start();
        factories.add(factory);
        return new CountingTemplate(factory);
    }

    /** Counts the scripts sent towards Redis, reached or not. */
    private static final class CountingTemplate extends StringRedisTemplate {
        final AtomicInteger scriptCalls = new AtomicInteger();

        CountingTemplate(LettuceConnectionFactory factory) {
            super(factory);
        }

        @Override
        public <T> T execute(RedisScript<T> script, List<String> keys, Object... args) {
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

        assertThat(meters.counter("healthmed.ratelimit.fallback", "operation", "tryAcquire").count()).isEqualTo(3.0);
    }

    @Test
    void afterAFewFailuresCallsStopTryingRedisAndCountLocallyAtOnce() throws IOException {
        CountingTemplate unreachableRedis = template(closedPort());
        RedisRateCounters counters = new RedisRateCounters(unreachableRedis, "ratelimit-test:", clock,
                RedisRateCounters.TimeSource.INJECTED_CLOCK, new RedisRateCounters.Breaker(3, Duration.ofHours(1)), meters);

        List<Boolean> acquired = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            acquired.add(counters.tryAcquire(key, 2, WINDOW).acquired());
        }

        assertThat(unreachableRedis.scriptCalls).hasValue(3); // the breaker opened after three failures
        assertThat(acquired).containsExactly(true, true, false, false, false, false, false, false, false, false);
        assertThat(meters.counter("healthmed.ratelimit.fallback", "operation", "tryAcquire").count()).isEqualTo(10.0);
    }

    @Test
    void inProductionHitsAreScoredByRedisClockSoInstancesWithSkewedClocksShareOneWindow() {
        MutableClock behind = new MutableClock(Instant.parse("2000-01-01T00:00:00Z"));
        MutableClock ahead = new MutableClock(Instant.parse("2100-01-01T00:00:00Z"));
        RedisRateCounters slowInstance = new RedisRateCounters(template(RedisServer.port()), "ratelimit-test:", behind, meters);
        RedisRateCounters fastInstance = new RedisRateCounters(template(RedisServer.port()), "ratelimit-test:", ahead, meters);

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
