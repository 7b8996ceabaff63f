package br.com.healthmed.support;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;
import reactor.core.publisher.Mono;

/** A graphql-ws client of the running service, as a mobile app connects: the token in connection_init. */
public final class Sockets {

    private Sockets() {}

    /** Connects with {@code {"Authorization": "Bearer <accessToken>"}}, or anonymously when the token is null. */
    public static WebSocketGraphQlTester connect(int port, String accessToken) {
        return connectWith(port, accessToken == null ? Map.of() : Map.of("Authorization", "Bearer " + accessToken));
    }

    public static WebSocketGraphQlTester connectWith(int port, Map<String, Object> initPayload) {
        return WebSocketGraphQlTester.builder(URI.create("ws://localhost:" + port + "/graphql"), new StandardWebSocketClient())
                .interceptor(new WebSocketGraphQlClientInterceptor() {
                    @Override
                    public Mono<Object> connectionInitPayload() {
                        return Mono.just(initPayload);
                    }
                })
                .responseTimeout(Duration.ofSeconds(10))
                .build();
    }
}
