package br.com.healthmed.platform.metrics;

import io.micrometer.observation.ObservationPredicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Which observations a request pays for. Spring Security observes its filter chain before and after
 * the application and every authorization decision, several observations (each with timers and a
 * context snapshot) per request, about 3% of a small query's CPU time in a profile of
 * {@code doctorAgenda}, and nothing reads them: no dashboard or alarm uses the
 * {@code spring.security.*} series (README, metrics). They are switched off here; the HTTP server
 * ({@code http.server.requests}) and GraphQL ({@code graphql.request}, {@code graphql.datafetcher},
 * which Spring for GraphQL already skips for trivial property fields) observations stay.
 */
@Configuration(proxyBeanMethods = false)
class ObservationScopeConfig {

    static final String SPRING_SECURITY = "spring.security.";

    @Bean
    ObservationPredicate noSpringSecurityObservations() {
        return (name, context) -> !name.startsWith(SPRING_SECURITY);
    }
}
