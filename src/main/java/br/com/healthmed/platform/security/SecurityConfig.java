package br.com.healthmed.platform.security;

import br.com.healthmed.platform.web.ClientDevice;
import br.com.healthmed.platform.web.CorrelationId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Stateless security: no sessions, no cookies (hence no CSRF token), identity only from bearer
 * tokens. Every HTTP path is reachable; what a caller may do is decided per GraphQL field, where the
 * object being touched is known.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, AccessTokenVerifier verifier) throws Exception {
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .cors(cors -> {})
                .authorizeHttpRequests(a -> a
                        // Records: the embedded blob store's presigned URLs carry their own HMAC
                        // signature, which is the authorisation; clients send no bearer token there.
                        .requestMatchers("/blobs/**").permitAll()
                        .anyRequest().permitAll())
                .addFilterBefore(new BearerTokenFilter(verifier), AnonymousAuthenticationFilter.class)
                .build();
    }

    /**
     * Browsers of the listed origins may call /graphql over HTTP. The same list decides which pages may
     * open the graphql-ws socket at /graphql: Spring Boot gives {@code spring.graphql.cors.allowed-origins}
     * (set to {@code ${healthmed.web.allowed-origins}} in application.yml) to the WebSocket handshake's
     * Origin check, as browsers apply no CORS to a WebSocket.
     */
    @Bean
    CorsConfigurationSource corsConfigurationSource(WebOrigins origins) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(origins.allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
        cors.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT,
                ClientDevice.DEVICE_ID_HEADER,
                // Apollo Client sends these on every request when the app names itself (clientAwareness)
                "apollographql-client-name", "apollographql-client-version"));
        // What a script may read: the id a user quotes for an INTERNAL_ERROR, and when to retry a refusal
        cors.setExposedHeaders(List.of(CorrelationId.HEADER, HttpHeaders.RETRY_AFTER));
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/graphql", cors);
        // Records: browsers PUT and GET file bytes at the embedded blob store's presigned URLs.
        CorsConfiguration blobs = new CorsConfiguration();
        blobs.setAllowedOrigins(origins.allowedOrigins());
        blobs.setAllowedMethods(List.of("GET", "PUT", "OPTIONS"));
        blobs.setAllowedHeaders(List.of("Content-Type"));
        blobs.setExposedHeaders(List.of("Content-Disposition", "Content-Length"));
        blobs.setMaxAge(3600L);
        source.registerCorsConfiguration("/blobs/**", blobs);
        return source;
    }

    /**
     * The web front-ends allowed to call the API from a browser: exact origins ({@code https://host[:port]}),
     * for HTTP (CORS, here) and for the graphql-ws handshake (application.yml's {@code spring.graphql.cors}).
     */
    @ConfigurationProperties("healthmed.web")
    record WebOrigins(List<String> allowedOrigins) {
        WebOrigins {
            allowedOrigins = allowedOrigins == null ? List.of()
                    : allowedOrigins.stream().filter(origin -> !origin.isBlank()).toList();
        }
    }
}
