package br.com.healthmed.platform.web;

import java.util.Map;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Puts the request's {@link ClientConnection} (HTTP only, from {@link AbandonedRequests}) into its GraphQL context. */
@Component
class ClientConnectionInterceptor implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (request.getAttributes().get(ClientConnection.ATTRIBUTE) instanceof ClientConnection connection) {
            request.configureExecutionInput((input, builder) ->
                    builder.graphQLContext(Map.of(ClientConnection.CONTEXT_KEY, connection)).build());
        }
        return chain.next(request);
    }
}
