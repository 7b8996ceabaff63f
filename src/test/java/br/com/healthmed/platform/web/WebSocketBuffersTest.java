package br.com.healthmed.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** graphql-ws messages up to the text buffer's size are read; a longer one is refused (1009) without being buffered. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebSocketBuffersTest {

    @LocalServerPort
    int port;

    @Test
    void aConnectionInitWithinTheBufferIsAcknowledged() throws Exception {
        Answer answer = send(initWithPadding(WebSocketBuffers.MAX_TEXT_MESSAGE_CHARS - 200));
        assertThat(answer.messages().poll(10, TimeUnit.SECONDS)).contains("connection_ack");
    }

    @Test
    void aLongerMessageClosesTheConnectionAsTooBig() throws Exception {
        // longer than our buffer, shorter than Tomcat's default one (8,192 characters)
        Answer answer = send(initWithPadding(WebSocketBuffers.MAX_TEXT_MESSAGE_CHARS + 1000));
        assertThat(answer.closed().get(10, TimeUnit.SECONDS)).startsWith("1009");
    }

    private static String initWithPadding(int length) {
        String start = "{\"type\":\"connection_init\",\"payload\":{\"padding\":\"";
        String end = "\"}}";
        return start + "x".repeat(length - start.length() - end.length()) + end;
    }

    record Answer(BlockingQueue<String> messages, CompletableFuture<String> closed) {}

    private Answer send(String message) throws Exception {
        BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        CompletableFuture<String> closed = new CompletableFuture<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("graphql-transport-ws")
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
        socket.sendText(message, true);
        return new Answer(messages, closed);
    }
}
