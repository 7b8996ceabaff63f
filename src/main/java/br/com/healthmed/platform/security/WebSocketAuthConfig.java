package br.com.healthmed.platform.security;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.support.AuthenticationExtractor;
import org.springframework.graphql.server.webmvc.AuthenticationWebSocketInterceptor;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import reactor.core.publisher.Mono;

/**
 * GraphQL over WebSocket (graphql-ws) authenticates once, at {@code connection_init}, with the
 * payload {@code {"Authorization": "Bearer <accessToken>"}}; browsers cannot set headers on a
 * WebSocket and a token in the URL would end up in logs. Every operation on the connection then runs
 * as that caller, until the token expires or its session is revoked ({@link WebSocketTokenExpiry}). A connection without a token
 * is anonymous; one with a bad token is closed (4401).
 */
@Configuration(proxyBeanMethods = false)
class WebSocketAuthConfig {

    private static final String PREFIX = "Bearer ";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE) // outermost: the interceptors after it see the caller
    AuthenticationWebSocketInterceptor webSocketAuthentication(AccessTokenVerifier verifier) {
        AuthenticationExtractor bearerFromPayload = payload -> Mono.justOrEmpty(bearerToken(payload))
                .map(token -> new PreAuthenticatedAuthenticationToken(token, token));
        AuthenticationManager verifyToken = authentication -> {
            try {
                return new CallerAuthentication(verifier.verify((String) authentication.getCredentials()));
            } catch (InvalidAccessTokenException invalid) {
                throw new BadCredentialsException(invalid.revoked() ? "Session revoked"
                        : invalid.expired() ? "Access token expired" : "Access token is not valid");
            }
        };
        return new AuthenticationWebSocketInterceptor(bearerFromPayload, verifyToken);
    }

    private static String bearerToken(Map<String, Object> payload) {
        Object value = payload.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase("Authorization"))
                .map(Map.Entry::getValue)
                .findFirst().orElse(null);
        if (value instanceof String header && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return header.substring(PREFIX.length()).trim();
        }
        return null;
    }

}
