package br.com.healthmed.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.HealthMedApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** A shutting-down instance tells its graphql-ws clients to go away (1001) and reconnect elsewhere. */
class WebSocketDrainTest {

    /** A graphql-ws client that has been acknowledged; {@code closed} completes with "code reason". */
    record Client(WebSocket socket, BlockingQueue<String> messages, CompletableFuture<String> closed) {}

    private static Client connect(ConfigurableApplicationContext context) throws Exception {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        CompletableFuture<String> closed = new CompletableFuture<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .subprotocols("graphql-transport-ws")
                .buildAsync(URI.create("ws://localhost:" + port + "/graphql"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        messages.add(data.toString());
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
        assertThat(messages.poll(10, TimeUnit.SECONDS)).contains("connection_ack");
        return new Client(socket, messages, closed);
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(HealthMedApplication.class)
                .run("--server.port=0", "--spring.lifecycle.timeout-per-shutdown-phase=5s");
    }

    @Test
    void shutdownClosesOpenGraphQlWebSocketsWithGoingAway() throws Exception {
        ConfigurableApplicationContext context = start();
        Client client;
        try {
            client = connect(context);
        } finally {
            context.close();
        }

        assertThat(client.closed().get(10, TimeUnit.SECONDS)).isEqualTo("1001 Server shutting down; reconnect");
    }

    @Test
    void aContextStartedAgainAfterAStopKeepsItsNewWebSocketsOpen() throws Exception {
        try (ConfigurableApplicationContext context = start()) {
            context.stop();
            context.start();

            Client client = connect(context);
            // a ping answered proves the connection is still up after the acknowledgement
            client.socket().sendText("{\"type\":\"ping\"}", true);
            assertThat(client.messages().poll(10, TimeUnit.SECONDS)).as("closed: %s", client.closed().getNow(""))
                    .contains("pong");
        }
    }
}
