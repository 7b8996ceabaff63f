package br.com.healthmed.platform.metrics;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.observation.DefaultExecutionRequestObservationConvention;
import org.springframework.graphql.observation.ExecutionRequestObservationContext;
import org.springframework.graphql.observation.ExecutionRequestObservationConvention;

/**
 * GraphQL request timings per operation: Spring for GraphQL observes every request
 * ({@code graphql.request}, exported as {@code graphql_request_seconds}); its default tags are the
 * outcome and the operation type, and the operation's name is added here so that dashboards and
 * alarms can tell {@code loginPatient} from {@code searchDoctors}. Operation names are chosen by
 * clients (a request without one is {@value #ANONYMOUS}: clients should send {@code operationName}),
 * so at most {@value #MAX_OPERATION_NAMES} distinct names get series of their own; any later name is
 * counted as {@value #OTHER}.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlMetricsConfig {

    static final String OPERATION_NAME = "graphql.operation.name";
    static final int MAX_OPERATION_NAMES = 100;
    static final String OTHER = "other";
    static final String ANONYMOUS = "anonymous";

    @Bean
    ExecutionRequestObservationConvention operationNameObservationConvention() {
        return new DefaultExecutionRequestObservationConvention() {
            @Override
            public KeyValues getLowCardinalityKeyValues(ExecutionRequestObservationContext context) {
                return super.getLowCardinalityKeyValues(context).and(operationName(context));
            }

            @Override
            protected KeyValue operationName(ExecutionRequestObservationContext context) {
                String name = context.getExecutionInput().getOperationName();
                return KeyValue.of(OPERATION_NAME, name == null || name.isBlank() ? ANONYMOUS : name);
            }

            @Override
            public KeyValues getHighCardinalityKeyValues(ExecutionRequestObservationContext context) {
                return KeyValues.of(executionId(context));
            }
        };
    }

    @Bean
    MeterFilter boundedOperationNames() {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                String name = id.getTag(OPERATION_NAME);
                if (name == null || seen.contains(name)) {
                    return id;
                }
                synchronized (seen) {
                    if (seen.size() < MAX_OPERATION_NAMES) {
                        seen.add(name);
                        return id;
                    }
                }
                return id.withTag(Tag.of(OPERATION_NAME, OTHER));
            }
        };
    }
}
