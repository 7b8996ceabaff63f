package br.com.healthmed.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

class ObservationScopeConfigTest {

    @Test
    void springSecurityIsNotObservedWhileHttpAndGraphQlAre() {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(context -> true);
        registry.observationConfig().observationPredicate(new ObservationScopeConfig().noSpringSecurityObservations());

        assertThat(Observation.createNotStarted("spring.security.filterchains", registry).isNoop()).isTrue();
        assertThat(Observation.createNotStarted("spring.security.authorizations", registry).isNoop()).isTrue();
        assertThat(Observation.createNotStarted("http.server.requests", registry).isNoop()).isFalse();
        assertThat(Observation.createNotStarted("graphql.request", registry).isNoop()).isFalse();
    }
}
