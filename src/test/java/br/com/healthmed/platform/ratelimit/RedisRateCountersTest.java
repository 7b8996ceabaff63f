package br.com.healthmed.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.support.RedisServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The Redis adapter against a real redis-server; and what it does when Redis cannot be reached. */
class RedisRateCountersTest extends RateCountersContract {

    private final List<LettuceConnectionFactory> factories = new ArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RedisRateCounters counters = connectedTo(RedisServer.port());

    /** Counters as one instance of the service has them: its own connection to the shared Redis. */
    private RedisRateCounters connectedTo(int port) {
        LettuceConnectionFactory factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration(RedisServer.host(), port));
        factory.afterPropertiesSet();
        factory.start();
        factories.add(factory);
        return new RedisRateCounters(new StringRedisTemplate(factory), "ratelimit-test:", clock, meters);
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

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
