package br.com.healthmed.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.support.Api;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With {@code healthmed.events=redis} and no Redis reachable, the service starts and mutations still work. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RedisOutageApiTest {

    @DynamicPropertySource
    static void redisNowhere(DynamicPropertyRegistry registry) {
        registry.add("healthmed.events", () -> "redis");
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", RedisOutageApiTest::closedPort);
    }

    @LocalServerPort
    int port;

    @Autowired
    EventBus events;

    @Test
    void aMutationThatPublishesAnEventSucceedsWhileRedisIsDown() {
        assertThat(events).isInstanceOf(RedisEventBus.class);
        Api api = Api.at(port);
        Map<String, Object> session = api.registerPatient(Api.newPatient());

        api.document("logout").variable("refreshToken", session.get("refreshToken")).execute()
                .path("logout").entity(Boolean.class).isEqualTo(true);
        // the session really ended, event or not
        api.document("refreshSession").variable("refreshToken", session.get("refreshToken")).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "INVALID_REFRESH_TOKEN")));
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
