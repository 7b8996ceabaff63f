package br.com.healthmed.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.HealthMedApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** A shutting-down instance tells its graphql-ws clients to go away (1001) and reconnect elsewhere. */
class WebSocketDrainTest {

    @Test
    void shutdownClosesOpenGraphQlWebSocketsWithGoingAway() throws Exception {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(HealthMedApplication.class)
                .run("--server.port=0", "--spring.lifecycle.timeout-per-shutdown-phase=5s");
        CompletableFuture<String> acknowledged = new CompletableFuture<>();
        CompletableFuture<String> closed = new CompletableFuture<>();
        try {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .subprotocols("graphql-transport-ws")
                    .buildAsync(URI.create("ws://localhost:" + port + "/graphql"), new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                            acknowledged.complete(data.toString());
                            webSocket.request(1);
                            return null;
                        }

                        @Override
                        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                            closed.complete(statusCode + " " + reason);
                            return null;
                        }
                    })
                    .get(10, TimeUnit.SECONDS);
            socket.sendText("{\"type\":\"connection_init\",\"payload\":{}}", true);
            assertThat(acknowledged.get(10, TimeUnit.SECONDS)).contains("connection_ack");
        } finally {
            context.close();
        }

        assertThat(closed.get(10, TimeUnit.SECONDS)).isEqualTo("1001 Server shutting down; reconnect");
    }
}
