package br.com.healthmed.platform.events;

import io.lettuce.core.ClientOptions;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code healthmed.events=redis}: events fan out to every instance through Redis pub/sub, over the
 * Lettuce connection Spring Boot configures from {@code spring.data.redis.*}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = EventBusConfig.PROPERTY, havingValue = "redis")
class RedisEventsConfig {

    @Bean
    EventBus redisEventBus(LettuceConnectionFactory connections, JsonMapper json, RedisEventsProperties properties) {
        return new RedisEventBus(connections, json, properties);
    }

    /**
     * While disconnected, Lettuce would queue commands until Redis is back (without bound) and make
     * every publisher wait its timeout; rejecting them at once keeps mutations fast during an outage.
     * Subscriptions are still restored on reconnect.
     */
    @Bean
    LettuceClientOptionsBuilderCustomizer rejectCommandsWhileDisconnected() {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }
}
