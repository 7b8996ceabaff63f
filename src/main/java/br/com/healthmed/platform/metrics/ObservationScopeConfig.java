package br.com.healthmed.platform.metrics;

import io.micrometer.observation.ObservationPredicate;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Which observations a request pays for. Spring Security observes its filter chain before and after
 * the application and every authorization decision, several observations (each with timers and a
 * context snapshot) per request, about 3% of a small query's CPU time in a profile of
 * {@code doctorAgenda}, and nothing reads them: no dashboard or alarm uses the
 * {@code spring.security.*} series (README, metrics). They are switched off here; the HTTP server
 * ({@code http.server.requests}) and GraphQL ({@code graphql.request}, {@code graphql.datafetcher},
 * which Spring for GraphQL already skips for trivial property fields) observations stay.
 *
 * <p>Except for the WebSocket upgrade (graphql-ws at /graphql): its {@code http.server.requests} entry
 * is a {@code 101} that says only that a socket opened, read by no dashboard or alarm; and the
 * handshake keeps the request's current observation for the socket's whole life (Spring for GraphQL
 * captures the thread's context into the session), restoring it around every message the client sends.
 * Unobserved, a socket opens with less work and carries nothing along (docs/capacity.md,
 * "Per-connection cost"). What runs over the socket is still observed ({@code graphql.request}).
 */
@Configuration(proxyBeanMethods = false)
class ObservationScopeConfig {

    static final String SPRING_SECURITY = "spring.security.";

    @Bean
    ObservationPredicate noSpringSecurityObservations() {
        return (name, context) -> !name.startsWith(SPRING_SECURITY);
    }

    @Bean
    ObservationPredicate noWebSocketUpgradeObservations() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext server && isWebSocketUpgrade(server.getCarrier()));
    }

    private static boolean isWebSocketUpgrade(@Nullable HttpServletRequest request) {
        return request != null && "websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE));
    }
}
