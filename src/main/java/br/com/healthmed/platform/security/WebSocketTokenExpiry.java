package br.com.healthmed.platform.security;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.reactivestreams.Publisher;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A WebSocket connection is authenticated once, at {@code connection_init}, but may stay open for
 * hours. This holds it to the access token's expiry, exactly like HTTP requests: once the token has
 * expired every new operation on the connection is refused with {@code TOKEN_EXPIRED}, and a
 * running subscription gets a final {@code TOKEN_EXPIRED} error at the expiry instant and completes.
 * Clients then reconnect with a fresh token.
 *
 * <p>Runs inside the authentication interceptor (see {@link WebSocketAuthConfig}), whose security
 * context it reads.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class WebSocketTokenExpiry implements WebGraphQlInterceptor {

    private final Clock clock;

    WebSocketTokenExpiry(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (!(request instanceof WebSocketGraphQlRequest)) {
            return chain.next(request);
        }
        // Over Spring MVC, the authentication interceptor puts the security context into the Reactor
        // context under SecurityContext's class name (for the thread-local accessor of data fetchers).
        return Mono.deferContextual(context -> {
            Caller caller = context.<SecurityContext>getOrEmpty(SecurityContext.class.getName())
                    .map(security -> callerOf(security.getAuthentication()))
                    .orElse(null);
            return caller == null ? chain.next(request) : heldToExpiry(request, chain, caller);
        });
    }

    private Mono<WebGraphQlResponse> heldToExpiry(WebGraphQlRequest request, Chain chain, Caller caller) {
        Instant now = clock.instant();
        if (!now.isBefore(caller.expiresAt())) {
            return Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), expired())));
        }
        Duration left = Duration.between(now, caller.expiresAt());
        return chain.next(request).map(response -> response.getExecutionResult().getData() instanceof Publisher<?> stream
                ? response.transform(builder -> builder.data(endingAt(stream, left)))
                : response);
    }

    @SuppressWarnings("unchecked")
    private static Flux<ExecutionResult> endingAt(Publisher<?> stream, Duration left) {
        AtomicBoolean expired = new AtomicBoolean();
        return Flux.from((Publisher<ExecutionResult>) stream)
                .takeUntilOther(Mono.delay(left).doOnNext(tick -> expired.set(true)))
                .concatWith(Mono.fromCallable(() -> expired.get() ? expired() : null));
    }

    private static ExecutionResult expired() {
        return ExecutionResult.newExecutionResult()
                .addError(GraphqlErrorBuilder.newError()
                        .message("Access token expired; reconnect with a fresh token.")
                        .extensions(Map.of("code", "TOKEN_EXPIRED"))
                        .build())
                .build();
    }

    private static Caller callerOf(Authentication authentication) {
        return authentication instanceof CallerAuthentication known ? known.getPrincipal() : null;
    }
}
