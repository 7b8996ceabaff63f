package br.com.healthmed.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ObservationScopeConfigTest {

    private final ObservationRegistry registry = registry();

    private static ObservationRegistry registry() {
        ObservationScopeConfig config = new ObservationScopeConfig();
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(context -> true);
        registry.observationConfig().observationPredicate(config.noSpringSecurityObservations());
        registry.observationConfig().observationPredicate(config.noWebSocketUpgradeObservations());
        return registry;
    }

    @Test
    void springSecurityIsNotObservedWhileHttpAndGraphQlAre() {
        assertThat(Observation.createNotStarted("spring.security.filterchains", registry).isNoop()).isTrue();
        assertThat(Observation.createNotStarted("spring.security.authorizations", registry).isNoop()).isTrue();
        assertThat(Observation.createNotStarted("http.server.requests", registry).isNoop()).isFalse();
        assertThat(Observation.createNotStarted("graphql.request", registry).isNoop()).isFalse();
    }

    @Test
    void aWebSocketUpgradeIsNotObservedWhileOtherHttpRequestsToTheSamePathAre() {
        MockHttpServletRequest upgrade = new MockHttpServletRequest("GET", "/graphql");
        upgrade.addHeader("Upgrade", "WebSocket"); // the token is case-insensitive (RFC 6455)
        upgrade.addHeader("Connection", "Upgrade");
        MockHttpServletRequest query = new MockHttpServletRequest("GET", "/graphql");
        query.setQueryString("query=%7B__typename%7D");

        assertThat(serverObservation(upgrade).isNoop()).isTrue();
        assertThat(serverObservation(query).isNoop()).isFalse();
        assertThat(serverObservation(new MockHttpServletRequest("POST", "/graphql")).isNoop()).isFalse();
    }

    private Observation serverObservation(MockHttpServletRequest request) {
        ServerRequestObservationContext context = new ServerRequestObservationContext(request, new MockHttpServletResponse());
        return Observation.createNotStarted("http.server.requests", () -> context, registry);
    }
}
