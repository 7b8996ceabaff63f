package br.com.healthmed.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class GraphQlMetricsConfigTest {

    @Test
    void operationNamesBeyondTheLimitShareOneSeries() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        registry.config().meterFilter(new GraphQlMetricsConfig().boundedOperationNames());

        IntStream.rangeClosed(1, GraphQlMetricsConfig.MAX_OPERATION_NAMES + 50)
                .forEach(i -> registry.counter("graphql.request", GraphQlMetricsConfig.OPERATION_NAME, "op" + i).increment());
        registry.counter("graphql.request", GraphQlMetricsConfig.OPERATION_NAME, "op1").increment();

        assertThat(registry.find("graphql.request").counters()).hasSize(GraphQlMetricsConfig.MAX_OPERATION_NAMES + 1);
        assertThat(registry.get("graphql.request").tag(GraphQlMetricsConfig.OPERATION_NAME, "other").counter().count())
                .isEqualTo(50);
        assertThat(registry.get("graphql.request").tag(GraphQlMetricsConfig.OPERATION_NAME, "op1").counter().count())
                .isEqualTo(2);
    }

    @Test
    void businessCountersCountUnderTheServicesPrefix() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        BusinessMetrics metrics = new BusinessMetrics(registry);

        metrics.increment("healthmed.bookings", "outcome", "confirmed");
        metrics.increment("healthmed.bookings", "outcome", "confirmed");

        Counter bookings = registry.get("healthmed.bookings").tag("outcome", "confirmed").counter();
        assertThat(bookings.count()).isEqualTo(2);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> metrics.increment("bookings"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
