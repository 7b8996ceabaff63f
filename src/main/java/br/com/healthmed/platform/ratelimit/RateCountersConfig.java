package br.com.healthmed.platform.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Where {@link RateCounters} count: in Redis when the replicas share one ({@code healthmed.events=redis},
 * the same switch and connection as the event fan-out), otherwise in this instance's memory.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RedisRateCounters.Guard.class)
class RateCountersConfig {

    static final String REDIS_PREFIX = "ratelimit:";

    @Bean
    @ConditionalOnProperty(name = "healthmed.events", havingValue = "redis")
    RateCounters redisRateCounters(ReactiveRedisConnectionFactory connections, Clock clock, RedisRateCounters.Guard guard,
                                   MeterRegistry meters) {
        RedisRateCounters counters = new RedisRateCounters(new ReactiveStringRedisTemplate(connections), REDIS_PREFIX, clock,
                guard, meters);
        counters.warmUp();
        return counters;
    }

    @Bean
    @ConditionalOnProperty(name = "healthmed.events", havingValue = "memory", matchIfMissing = true)
    RateCounters inMemoryRateCounters(Clock clock) {
        return new InMemoryRateCounters(clock);
    }
}
