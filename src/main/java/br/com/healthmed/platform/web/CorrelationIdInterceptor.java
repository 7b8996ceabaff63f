package br.com.healthmed.platform.web;

import java.util.Map;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Puts the request's {@link CorrelationId} into the GraphQL context: the HTTP request's (set by
 * {@link CorrelationIdFilter}), or a new one for each operation sent over WebSocket.
 */
@Component
class CorrelationIdInterceptor implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        String id = request.getAttributes().get(CorrelationId.ATTRIBUTE) instanceof String fromFilter
                ? fromFilter : CorrelationId.fresh();
        request.configureExecutionInput((input, builder) ->
                builder.graphQLContext(Map.of(CorrelationId.ATTRIBUTE, id)).build());
        return chain.next(request);
    }
}
