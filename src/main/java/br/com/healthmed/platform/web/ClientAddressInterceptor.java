package br.com.healthmed.platform.web;

import java.net.InetSocketAddress;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Puts the caller's {@link ClientAddress} into the GraphQL context of every request. */
@Component
class ClientAddressInterceptor implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        ClientAddress address = addressOf(request.getRemoteAddress());
        request.configureExecutionInput((input, builder) ->
                builder.graphQLContext(Map.of(ClientAddress.CONTEXT_KEY, address)).build());
        return chain.next(request);
    }

    private static ClientAddress addressOf(@Nullable InetSocketAddress remote) {
        if (remote == null) {
            return ClientAddress.UNKNOWN;
        }
        return new ClientAddress(remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString());
    }
}
