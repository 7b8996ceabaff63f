package br.com.healthmed.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.healthmed.support.Api;
import br.com.healthmed.support.Sockets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;

/**
 * GraphQL over WebSocket (graphql-ws) at /graphql authenticates at connection_init with
 * {@code {"Authorization": "Bearer <token>"}}, as mobile clients do for subscriptions.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebSocketAuthenticationTest {

    private static final String ME = "{ me { id name role } }";

    @LocalServerPort
    int port;

    @RegisterExtension
    final Sockets sockets = new Sockets();

    private WebSocketGraphQlTester connect(Map<String, Object> initPayload) {
        return sockets.connectWith(port, initPayload);
    }

    @Test
    void anOperationRunsAsTheCallerWhoseTokenCameInConnectionInit() {
        Map<String, Object> input = Api.newPatient();
        Map<String, Object> session = Api.at(port).registerPatient(input);
        WebSocketGraphQlTester tester = connect(Map.of("Authorization", "Bearer " + session.get("accessToken")));
        tester.document(ME).execute()
                .path("me.name").entity(String.class).isEqualTo((String) input.get("name"))
                .path("me.role").entity(String.class).isEqualTo("PATIENT");
    }

    @Test
    void aConnectionWithoutTokenIsAnonymous() {
        WebSocketGraphQlTester tester = connect(Map.of());
        tester.document(ME).execute().errors()
                .satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "UNAUTHENTICATED")));
        tester.document("{ specialties { code } }").execute()
                .path("specialties").entityList(Object.class).hasSize(55);
    }

    @Test
    void aConnectionWithABadTokenIsRefused() {
        WebSocketGraphQlTester tester = connect(Map.of("Authorization", "Bearer not.a.token"));
        assertThatThrownBy(() -> tester.document(ME).execute().path("me").hasValue())
                .hasMessageContaining("code=4401, reason=Unauthorized");
    }
}
