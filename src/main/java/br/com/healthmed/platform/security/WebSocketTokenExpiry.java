package br.com.healthmed.platform.security;

import br.com.healthmed.platform.error.PlatformErrors;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
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
 * hours. This holds it to the access token's expiry and its session's revocation, exactly like HTTP
 * requests: once the token has expired every new operation on the connection is refused with
 * {@code TOKEN_EXPIRED}, and a running subscription gets a final {@code TOKEN_EXPIRED} error at the
 * expiry instant and completes; clients then reconnect with a fresh token. Once the session is
 * revoked ({@link SessionRevocations}), the same happens at once with {@code SESSION_REVOKED}, and
 * the client must log in again.
 *
 * <p>Runs inside the authentication interceptor (see {@link WebSocketAuthConfig}), whose security
 * context it reads.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class WebSocketTokenExpiry implements WebGraphQlInterceptor {

    private final Clock clock;
    private final SessionRevocations revocations;

    WebSocketTokenExpiry(Clock clock, SessionRevocations revocations) {
        this.clock = clock;
        this.revocations = revocations;
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
            return Mono.just(refused(request, expired()));
        }
        if (revocations.isRevoked(caller.sessionId())) {
            return Mono.just(refused(request, revoked()));
        }
        Duration left = Duration.between(now, caller.expiresAt());
        return chain.next(request).map(response -> response.getExecutionResult().getData() instanceof Publisher<?> stream
                ? response.transform(builder -> builder.data(endingAt(stream, left, caller.sessionId())))
                : response);
    }

    private static WebGraphQlResponse refused(WebGraphQlRequest request, ExecutionResult error) {
        return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), error));
    }

    /** The stream until the token expires or the session is revoked, then one error saying which. */
    @SuppressWarnings("unchecked")
    private Flux<ExecutionResult> endingAt(Publisher<?> stream, Duration left, String sessionId) {
        AtomicReference<ExecutionResult> ending = new AtomicReference<>();
        Mono<Object> end = Mono.firstWithValue(
                Mono.delay(left).doOnNext(tick -> ending.compareAndSet(null, expired())),
                revocations.revocationOf(sessionId).doOnNext(revoked -> ending.compareAndSet(null, revoked())));
        return Flux.from((Publisher<ExecutionResult>) stream)
                .takeUntilOther(end)
                .concatWith(Mono.fromCallable(ending::get));
    }

    private static ExecutionResult expired() {
        return error("Access token expired; reconnect with a fresh token.", "TOKEN_EXPIRED");
    }

    private static ExecutionResult revoked() {
        return error(BearerTokenFilter.SESSION_REVOKED_MESSAGE, PlatformErrors.SESSION_REVOKED.name());
    }

    private static ExecutionResult error(String message, String code) {
        return ExecutionResult.newExecutionResult()
                .addError(GraphqlErrorBuilder.newError().message(message).extensions(Map.of("code", code)).build())
                .build();
    }

    private static @Nullable Caller callerOf(@Nullable Authentication authentication) {
        return authentication instanceof CallerAuthentication known ? known.getPrincipal() : null;
    }
}
