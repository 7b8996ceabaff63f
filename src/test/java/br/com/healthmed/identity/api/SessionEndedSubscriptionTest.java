package br.com.healthmed.identity.api;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.support.Api;
import br.com.healthmed.support.Sockets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** The {@code sessionEnded} subscription over graphql-ws, as a mobile client uses it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionEndedSubscriptionTest {

    private static final String SUBSCRIPTION = "subscription { sessionEnded { sessionId reason at } }";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

    @RegisterExtension
    final Sockets sockets = new Sockets();

    private WebSocketGraphQlTester connect(String accessToken) {
        return sockets.connect(port, accessToken);
    }

    private Flux<String> reasons(WebSocketGraphQlTester tester) {
        return tester.document(SUBSCRIPTION).executeSubscription().toFlux("sessionEnded.reason", String.class);
    }

    @Test
    void aLogoutElsewhereReachesTheSubscribedClientThenTheSubscriptionCompletes() {
        Api api = Api.at(port);
        Map<String, Object> session = api.registerPatient(Api.newPatient());
        WebSocketGraphQlTester tester = connect((String) session.get("accessToken"));

        StepVerifier.create(reasons(tester))
                // a round trip on the same connection, so the subscription is live before the logout
                .then(() -> tester.document("{ me { id } }").execute().path("me.id").hasValue())
                .then(() -> api.document("logout").variable("refreshToken", session.get("refreshToken")).execute()
                        .path("logout").entity(Boolean.class).isEqualTo(true))
                .assertNext(reason -> assertThat(reason).isIn("LOGGED_OUT", "ALREADY_ENDED"))
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void aConnectionWithTheTokenOfASessionThatAlreadyEndedIsRefused() {
        Api api = Api.at(port);
        Map<String, Object> session = api.registerPatient(Api.newPatient());
        api.document("logout").variable("refreshToken", session.get("refreshToken")).execute().path("logout").hasValue();

        // the token is revoked with its session: connection_init fails like any bad token (4401)
        StepVerifier.create(reasons(connect((String) session.get("accessToken"))))
                .expectErrorSatisfies(error -> org.assertj.core.api.Assertions.assertThat(error)
                        .hasMessageContaining("code=4401"))
                .verify(WAIT);
    }

    @Test
    void anotherSessionsLogoutIsNotReported() {
        Api api = Api.at(port);
        Map<String, Object> input = Api.newPatient();
        Map<String, Object> mine = api.registerPatient(input);
        String otherRefresh = api.document("loginPatient").variable("login", input.get("email")).variable("password", Api.PASSWORD)
                .execute().path("loginPatient.refreshToken").entity(String.class).get();
        WebSocketGraphQlTester tester = connect((String) mine.get("accessToken"));

        StepVerifier.create(reasons(tester))
                .then(() -> tester.document("{ me { id } }").execute().path("me.id").hasValue())
                .then(() -> api.document("logout").variable("refreshToken", otherRefresh).execute().path("logout").hasValue())
                .expectNoEvent(Duration.ofMillis(300))
                .thenCancel()
                .verify(WAIT);
    }

    @Test
    void anAnonymousSubscriptionIsRefused() {
        StepVerifier.create(connect(null).document(SUBSCRIPTION).executeSubscription().toFlux())
                .expectErrorSatisfies(error -> assertThat(error).hasMessageContaining("UNAUTHENTICATED"))
                .verify(WAIT);
    }
}
