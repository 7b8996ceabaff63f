package br.com.healthmed.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.healthmed.support.Api;
import br.com.healthmed.support.Dynalite;
import br.com.healthmed.support.FaultyProxy;
import br.com.healthmed.support.TwoInstances;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue 14: an instance (re)started while DynamoDB does not answer. Before, its start-up read of the
 * revoked sessions (and, with {@code create-table}, its DescribeTable) timed out and aborted the
 * application: a pod that crash-loops while its storage is slow. Now it starts, reports readiness
 * DOWN, accepts no access token (a retryable {@code SERVICE_BUSY}: it cannot yet tell an ended session
 * from a live one), keeps trying in the background, and once storage answers it is ready and refuses
 * a session that was ended before it started.
 */
class StartWhileStorageIsSlowTest {

    @RegisterExtension
    static final TwoInstances instances = new TwoInstances();

    private final FaultyProxy storage = FaultyProxy.in(Dynalite.endpoint());

    @AfterEach
    void close() {
        storage.close();
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void anInstanceStartedWhileDynamoDbStallsIsNotReadyAcceptsNoTokenAndBecomesReadyKnowingTheRevocations() throws Exception {
        Api a = instances.a().api();
        Map<String, Object> live = a.registerPatient(Api.newPatient());
        Map<String, Object> ended = a.registerPatient(Api.newPatient());
        a.document("logout").variable("refreshToken", ended.get("refreshToken")).execute()
                .path("logout").entity(Boolean.class).isEqualTo(true);
        storage.failEvery(FaultyProxy.Fault.STALL);

        TwoInstances.Instance restarted = instances.startAnother("restarted", Map.of(
                "healthmed.dynamodb.endpoint", storage.endpoint().toString(),
                // production bounds: a stalled DynamoDB costs a second per call, not the API tests' minute
                "healthmed.dynamodb.api-call-timeout", "PT1S",
                "healthmed.dynamodb.api-call-attempt-timeout", "PT0.5S"));

        assertThat(readiness(restarted)).isEqualTo(503);
        EntityExchangeResult<Map> refused = me(restarted, live.get("accessToken"));
        assertThat(refused.getStatus().value()).isEqualTo(503);
        Map<?, ?> extensions = (Map<?, ?>) ((Map<?, ?>) ((List<?>) refused.getResponseBody().get("errors")).get(0)).get("extensions");
        assertThat(extensions.get("code")).isEqualTo("SERVICE_BUSY");
        assertThat(extensions.get("retryAfterSeconds")).isEqualTo(1);
        // graphql-ws: a retryable close (1013 Try Again Later), not 4401, which clients take as a bad token
        assertThat(closeOfConnectionInit(restarted, live.get("accessToken"))).startsWith("1013 SERVICE_BUSY");

        storage.heal();
        await().atMost(Duration.ofSeconds(90)).until(() -> readiness(restarted) == 200);
        Api api = restarted.api();
        assertThat(api.meAnswer(live.get("accessToken"))).isEqualTo("OK");
        assertThat(api.meAnswer(ended.get("accessToken"))).isEqualTo("SESSION_REVOKED"); // learned from storage
    }

    /** Opens a graphql-ws connection with the token; "code reason" of its close, or what came instead. */
    private static String closeOfConnectionInit(TwoInstances.Instance instance, Object accessToken) throws Exception {
        CompletableFuture<String> answer = new CompletableFuture<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("graphql-transport-ws")
                .buildAsync(URI.create(instance.api().baseUrl().replaceFirst("^http", "ws") + "/graphql"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        answer.complete("message " + data);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                        answer.complete(statusCode + " " + reason);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        socket.sendText("{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer " + accessToken + "\"}}", true);
        return answer.get(10, TimeUnit.SECONDS);
    }

    private static int readiness(TwoInstances.Instance instance) {
        return WebTestClient.bindToServer().responseTimeout(Api.HANG_GUARD).baseUrl(instance.api().baseUrl()).build()
                .get().uri("/actuator/health/readiness").exchange().returnResult(String.class).getStatus().value();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static EntityExchangeResult<Map> me(TwoInstances.Instance instance, Object accessToken) {
        return WebTestClient.bindToServer().responseTimeout(Api.HANG_GUARD).baseUrl(instance.api().baseUrl()).build()
                .post().uri("/graphql")
                .header("Authorization", "Bearer " + accessToken)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\":\"{ me { id } }\"}")
                .exchange().expectBody(Map.class).returnResult();
    }
}
