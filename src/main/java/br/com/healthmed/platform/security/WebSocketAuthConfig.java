package br.com.healthmed.platform.security;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketSessionInfo;
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
 * is anonymous; one with a bad token is closed (4401). While the instance is starting and cannot yet
 * tell an ended session from a live one ({@link RevocationsNotKnownException}), the connection is
 * closed as {@code 1013 Try Again Later} instead (platform/web's {@code TryAgainLaterClose}): graphql-ws
 * clients treat 4401 as final (the app would send its user to the login screen) and retry 1013.
 */
@Configuration(proxyBeanMethods = false)
class WebSocketAuthConfig {

    private static final String PREFIX = "Bearer ";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE) // outermost: the interceptors after it see the caller
    WebSocketGraphQlInterceptor webSocketAuthentication(AccessTokenVerifier verifier) {
        return markingRefusalsWhileStarting(bearerAuthentication(verifier));
    }

    private static AuthenticationWebSocketInterceptor bearerAuthentication(AccessTokenVerifier verifier) {
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

    /**
     * Around the authentication (which Spring for GraphQL makes final): marks a session whose
     * {@code connection_init} failed because the revocations are not known yet, for the close.
     */
    private static WebSocketGraphQlInterceptor markingRefusalsWhileStarting(AuthenticationWebSocketInterceptor authentication) {
        return new WebSocketGraphQlInterceptor() {
            @Override
            public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo info, Map<String, Object> payload) {
                return Mono.defer(() -> authentication.handleConnectionInitialization(info, payload))
                        .doOnError(failure -> {
                            if (startingUp(failure)) {
                                info.getAttributes().put(RevocationsNotKnownException.REFUSED_SESSION_ATTRIBUTE, true);
                            }
                        });
            }

            @Override
            public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
                return authentication.intercept(request, chain);
            }

            @Override
            public Mono<Void> handleCancelledSubscription(WebSocketSessionInfo info, String subscriptionId) {
                return authentication.handleCancelledSubscription(info, subscriptionId);
            }

            @Override
            public void handleConnectionClosed(WebSocketSessionInfo info, int statusCode, Map<String, Object> payload) {
                authentication.handleConnectionClosed(info, statusCode, payload);
            }
        };
    }

    private static boolean startingUp(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RevocationsNotKnownException) {
                return true;
            }
        }
        return false;
    }

    private static @Nullable String bearerToken(Map<String, Object> payload) {
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
