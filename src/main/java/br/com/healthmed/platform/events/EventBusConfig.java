package br.com.healthmed.platform.events;

import java.util.Locale;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Chooses the {@link EventBus} with {@code healthmed.events}: {@code memory} (default, in-process) or
 * {@code redis} ({@link RedisEventsConfig}). Any other value stops start-up with a message instead of
 * leaving the service without live events.
 */
@Configuration(proxyBeanMethods = false)
class EventBusConfig {

    static final String PROPERTY = "healthmed.events";
    private static final Set<String> CHOICES = Set.of("memory", "redis");

    EventBusConfig(Environment environment) {
        String choice = environment.getProperty(PROPERTY, "memory");
        if (!CHOICES.contains(choice.toLowerCase(Locale.ROOT))) {
            throw new IllegalStateException(PROPERTY + " must be 'memory' or 'redis', not '" + choice + "'");
        }
    }

    @Bean
    @ConditionalOnProperty(name = PROPERTY, havingValue = "memory", matchIfMissing = true)
    EventBus inProcessEventBus() {
        return new InProcessEventBus();
    }
}
