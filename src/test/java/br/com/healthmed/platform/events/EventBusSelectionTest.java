package br.com.healthmed.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

/** {@code healthmed.events}: memory by default, with no trace of Redis in the context. */
@SpringBootTest
class EventBusSelectionTest {

    @Autowired
    ApplicationContext context;

    @Test
    void byDefaultEventsStayInProcessAndRedisIsNotConfiguredAtAll() {
        assertThat(context.getBean(EventBus.class)).isInstanceOf(InProcessEventBus.class);
        assertThat(context.containsBean("redisHealthContributor")).isFalse();
        // no connection factory, template, listener container or health indicator: a local run needs no Redis
        // (our own healthmed.events.redis.* properties are bound all the same)
        assertThat(Arrays.stream(context.getBeanDefinitionNames())
                .filter(name -> !name.startsWith("healthmed."))
                .filter(name -> name.toLowerCase(Locale.ROOT).contains("redis")))
                .isEmpty();
    }

    @Test
    void anUnknownChoiceStopsStartUp() {
        new ApplicationContextRunner()
                .withUserConfiguration(EventBusConfig.class)
                .withPropertyValues("healthmed.events=kafka")
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("healthmed.events must be 'memory' or 'redis'"));
    }
}
