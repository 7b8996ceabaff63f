package br.com.healthmed.support;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;
import reactor.core.publisher.Mono;

/**
 * graphql-ws clients of the running service, as a mobile app connects: the token in
 * connection_init. Register it with {@code @RegisterExtension}; every connection a test opens is
 * closed after it.
 */
public final class Sockets implements AfterEachCallback {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final List<WebSocketGraphQlTester> open = new ArrayList<>();

    /** Connects with {@code {"Authorization": "Bearer <accessToken>"}}, or anonymously when the token is null. */
    public WebSocketGraphQlTester connect(int port, String accessToken) {
        return connectWith(port, accessToken == null ? Map.of() : Map.of("Authorization", "Bearer " + accessToken));
    }

    public WebSocketGraphQlTester connectWith(int port, Map<String, Object> initPayload) {
        WebSocketGraphQlTester tester = WebSocketGraphQlTester
                .builder(URI.create("ws://localhost:" + port + "/graphql"), client())
                .interceptor(new WebSocketGraphQlClientInterceptor() {
                    @Override
                    public Mono<Object> connectionInitPayload() {
                        return Mono.just(initPayload);
                    }
                })
                .responseTimeout(TIMEOUT)
                .build();
        open.add(tester);
        return tester;
    }

    /**
     * Tomcat's client, with room for answers of any size: its default message limit is the frame buffer size,
     * which the service lowers in this JVM (platform.web.TomcatSocketBuffers) for its own connections.
     */
    private static StandardWebSocketClient client() {
        WebSocketContainer container = ContainerProvider.getWebSocketContainer();
        container.setDefaultMaxTextMessageBufferSize(1 << 20);
        return new StandardWebSocketClient(container);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        open.forEach(tester -> tester.stop().onErrorComplete().block(TIMEOUT));
        open.clear();
    }
}
