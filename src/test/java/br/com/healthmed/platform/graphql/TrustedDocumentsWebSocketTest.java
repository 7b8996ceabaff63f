package br.com.healthmed.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.support.Sockets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;

/**
 * Trusted-documents mode over WebSocket (graphql-ws {@code subscribe}, which carries queries too): the
 * socket is no way around the manifest. Same settings as {@link TrustedDocumentsApiTest}, so one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "healthmed.graphql.trusted-documents.enabled=true",
        "healthmed.graphql.trusted-documents.manifest=classpath:trusted-documents/persisted-documents.json",
        "healthmed.warm-up.rounds=3", "healthmed.warm-up.budget=PT60S"})
class TrustedDocumentsWebSocketTest {

    private static final String LISTED = "query Specialties { specialties { code name } }";

    @RegisterExtension
    final Sockets sockets = new Sockets();

    @LocalServerPort
    int port;

    @Test
    void aListedOperationRunsOverTheSocket() {
        WebSocketGraphQlTester socket = sockets.connect(port, null);

        socket.document(LISTED).execute().path("specialties[0].code").entity(String.class).satisfies(code -> assertThat(code).isNotBlank());
    }

    @Test
    void anyOtherTextIsRefusedOverTheSocketEvenAValidOne() {
        WebSocketGraphQlTester socket = sockets.connect(port, null);

        for (String unlisted : List.of("{ specialties { code } }", "query Specialties {\n  specialties { code name }\n}")) {
            AtomicReference<List<ResponseError>> errors = new AtomicReference<>();
            WebSocketGraphQlTester.Response answer = socket.document(unlisted).execute();
            answer.errors().satisfy(errors::set);
            assertThat(errors.get()).as(unlisted).singleElement()
                    .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "OPERATION_NOT_TRUSTED"));
            answer.path("specialties").pathDoesNotExist();
        }
    }
}
