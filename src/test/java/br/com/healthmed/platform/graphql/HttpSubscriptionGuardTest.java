package br.com.healthmed.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import graphql.ExecutionResult;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A subscription's event stream never leaves through plain HTTP, and is not even subscribed to. */
class HttpSubscriptionGuardTest {

    private static final URI URL = URI.create("http://localhost/graphql");
    private static final Map<String, Object> BODY = Map.of("query", "subscription { sessionEnded { reason } }");

    private final HttpSubscriptionGuard guard = new HttpSubscriptionGuard();
    private final AtomicBoolean subscribed = new AtomicBoolean();
    private final Flux<Object> events = Flux.never().doOnSubscribe(subscription -> subscribed.set(true));

    @Test
    void overHttpTheStreamIsReplacedByMalformedRequest() {
        WebGraphQlResponse response = intercept(new WebGraphQlRequest(URL, new HttpHeaders(), new LinkedMultiValueMap<>(),
                null, Map.of(), BODY, "1", Locale.ROOT), events);

        assertThat((Object) response.getExecutionResult().getData()).isNull();
        assertThat(response.getErrors()).singleElement().satisfies((ResponseError error) -> {
            assertThat(error.getMessage()).isEqualTo("Subscriptions need a WebSocket connection (graphql-ws at /graphql).");
            assertThat(error.getExtensions()).containsEntry("code", "MALFORMED_REQUEST");
        });
        assertThat(subscribed.get()).isFalse();
    }

    @Test
    void overAWebSocketTheStreamPassesThrough() {
        WebGraphQlResponse response = intercept(new WebSocketGraphQlRequest(URL, new HttpHeaders(), new LinkedMultiValueMap<>(),
                null, Map.of(), BODY, "1", Locale.ROOT, mock(WebSocketSessionInfo.class)), events);

        assertThat((Object) response.getExecutionResult().getData()).isSameAs(events);
        assertThat(response.getErrors()).isEmpty();
    }

    @Test
    void ordinaryResultsOverHttpAreLeftAlone() {
        Map<String, Object> data = Map.of("specialties", java.util.List.of());

        WebGraphQlResponse response = intercept(new WebGraphQlRequest(URL, new HttpHeaders(), new LinkedMultiValueMap<>(),
                null, Map.of(), Map.of("query", "{ specialties { code } }"), "1", Locale.ROOT), data);

        assertThat((Object) response.getExecutionResult().getData()).isEqualTo(data);
        assertThat(response.getErrors()).isEmpty();
    }

    private WebGraphQlResponse intercept(WebGraphQlRequest request, Object data) {
        ExecutionResult result = ExecutionResult.newExecutionResult().data(data).build();
        WebGraphQlResponse response = new WebGraphQlResponse(
                new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
        return guard.intercept(request, next -> Mono.just(response)).block();
    }
}
