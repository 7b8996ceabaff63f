package br.com.healthmed.platform.graphql;

import br.com.healthmed.platform.error.ErrorCode;
import br.com.healthmed.platform.error.PlatformErrors;
import graphql.GraphqlErrorBuilder;
import java.util.List;
import java.util.Map;
import org.reactivestreams.Publisher;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Subscriptions are served over WebSocket only (graphql-ws at {@code /graphql}). Executed over
 * plain HTTP, a subscription's result is the event stream itself, which the JSON encoder would
 * serialise field by field, showing Reactor internals. This answers such a request with
 * {@code MALFORMED_REQUEST} instead, without subscribing to the stream. It applies to every
 * transport that is not a WebSocket, Server-Sent Events included.
 */
@Component
class HttpSubscriptionGuard implements WebGraphQlInterceptor {

    static final String MESSAGE = "Subscriptions need a WebSocket connection (graphql-ws at /graphql).";

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (request instanceof WebSocketGraphQlRequest) {
            return chain.next(request);
        }
        return chain.next(request).map(response -> {
            if (!(response.getExecutionResult().getData() instanceof Publisher<?>)) {
                return response;
            }
            ErrorCode code = PlatformErrors.MALFORMED_REQUEST;
            return response.transform(builder -> builder.data(null).errors(List.of(GraphqlErrorBuilder.newError()
                    .errorType(code.errorType())
                    .message(MESSAGE)
                    .extensions(Map.of("code", code.name()))
                    .build())));
        });
    }
}
