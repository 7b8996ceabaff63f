package br.com.healthmed.platform.web;

import java.util.Map;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Puts the caller's {@link ClientDevice} into the GraphQL context of every request. */
@Component
class ClientDeviceInterceptor implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        HttpHeaders headers = request.getHeaders();
        ClientDevice device = ClientDevice.of(headers.getFirst(ClientDevice.DEVICE_ID_HEADER), headers.getFirst(HttpHeaders.USER_AGENT));
        request.configureExecutionInput((input, builder) ->
                builder.graphQLContext(Map.of(ClientDevice.CONTEXT_KEY, device)).build());
        return chain.next(request);
    }
}
