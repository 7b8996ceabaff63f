package br.com.healthmed.identity;

import br.com.healthmed.platform.ratelimit.RateCounters;
import br.com.healthmed.platform.ratelimit.RedisRateCounters;
import br.com.healthmed.support.MutableClock;
import br.com.healthmed.support.RedisServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/** Every rule of {@link LoginThrottleTest}, with the counts in a real Redis (keys of this test's own). */
class RedisLoginThrottleTest extends LoginThrottleTest {

    private LettuceConnectionFactory factory;

    @Override
    protected RateCounters counters(MutableClock clock) {
        factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration(RedisServer.host(), RedisServer.port()));
        factory.afterPropertiesSet();
        factory.start();
        return new RedisRateCounters(new ReactiveStringRedisTemplate(factory), "login-throttle-test-" + UUID.randomUUID() + ":",
                clock, RedisRateCounters.TimeSource.INJECTED_CLOCK, RedisServer.PATIENT_COUNTERS, new SimpleMeterRegistry());
    }

    @AfterEach
    void close() {
        factory.destroy();
    }
}
