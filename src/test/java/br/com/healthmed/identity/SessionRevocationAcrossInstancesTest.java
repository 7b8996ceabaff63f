package br.com.healthmed.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.healthmed.support.Api;
import br.com.healthmed.support.Sockets;
import br.com.healthmed.support.TwoInstances;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;

/**
 * A session ended on one instance stops its access tokens on every instance at once, not when they
 * expire 15 minutes later: after logout, after refresh-token reuse, on an instance that started
 * afterwards, and on one that never got the event-bus message (it re-reads storage, here every
 * second). Two replicas sharing dynalite and Redis.
 */
class SessionRevocationAcrossInstancesTest {

    private static final Duration DEADLINE = Duration.ofSeconds(15);

    @RegisterExtension
    static final TwoInstances instances = new TwoInstances().with("healthmed.security.revocation.reload-interval", "PT1S");

    @RegisterExtension
    final Sockets sockets = new Sockets();

    /** A new patient's session, logged in on A: a session whose tokens both instances accept. */
    private static Map<String, Object> loginOnA() {
        return instances.a().api().loginAsNewPatient();
    }

    /** {@code { me { id } }} over HTTP with this token: "OK", or the error code of the refusal. */
    private static String meOn(TwoInstances.Instance instance, Object accessToken) {
        EntityExchangeResult<Map> result = WebTestClient.bindToServer().baseUrl("http://localhost:" + instance.port()).build()
                .post().uri("/graphql")
                .header("Authorization", "Bearer " + accessToken)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\":\"{ me { id } }\"}")
                .exchange().expectBody(Map.class).returnResult();
        Map<?, ?> body = result.getResponseBody();
        if (result.getStatus().is2xxSuccessful() && body != null && !body.containsKey("errors")) {
            return "OK";
        }
        assertThat(result.getStatus().value()).isEqualTo(401);
        Map<?, ?> error = (Map<?, ?>) ((java.util.List<?>) body.get("errors")).get(0);
        return (String) ((Map<?, ?>) error.get("extensions")).get("code");
    }

    private static void logoutOnA(Map<String, Object> session) {
        instances.a().api().document("logout").variable("refreshToken", session.get("refreshToken")).execute()
                .path("logout").entity(Boolean.class).isEqualTo(true);
    }

    @Test
    void afterLogoutOnAnInstanceTheAccessTokenIsRefusedOnItAndOnTheOther() {
        Map<String, Object> session = loginOnA();
        assertThat(meOn(instances.b(), session.get("accessToken"))).isEqualTo("OK");

        logoutOnA(session);

        assertThat(meOn(instances.a(), session.get("accessToken"))).isEqualTo("SESSION_REVOKED");
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(meOn(instances.b(), session.get("accessToken"))).isEqualTo("SESSION_REVOKED"));
    }

    @Test
    void afterARefreshTokenIsReusedEveryAccessTokenOfTheSessionIsRefusedEverywhere() {
        Map<String, Object> session = loginOnA();
        Api a = instances.a().api();
        String refreshed = a.document("refreshSession").variable("refreshToken", session.get("refreshToken")).execute()
                .path("refreshSession.accessToken").entity(String.class).get();
        assertThat(meOn(instances.b(), refreshed)).isEqualTo("OK");

        // the first refresh token again: a thief's copy, or the client's; either way the session ends
        a.document("refreshSession").variable("refreshToken", session.get("refreshToken")).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "INVALID_REFRESH_TOKEN")));

        await().atMost(DEADLINE).untilAsserted(() -> {
            assertThat(meOn(instances.b(), refreshed)).isEqualTo("SESSION_REVOKED");
            assertThat(meOn(instances.b(), session.get("accessToken"))).isEqualTo("SESSION_REVOKED");
        });
    }

    @Test
    void anInstanceStartedAfterTheLogoutRefusesTheTokenToo() {
        Map<String, Object> session = loginOnA();
        logoutOnA(session);

        TwoInstances.Instance c = instances.startAnother("c");

        assertThat(meOn(c, session.get("accessToken"))).isEqualTo("SESSION_REVOKED");
    }

    @Test
    void aRevocationWhoseBusMessageIsLostIsFoundInStorage() {
        Map<String, Object> session = loginOnA();
        String sessionId = instances.a().bean(AccessTokens.class).verify((String) session.get("accessToken")).sessionId();
        assertThat(meOn(instances.b(), session.get("accessToken"))).isEqualTo("OK");

        // as if the instance revoking it had published nothing (or Redis had dropped the message)
        instances.a().bean(RefreshTokenStore.class).revokeFamily(new RefreshTokenStore.Revocation(
                sessionId, SessionEnded.Reason.LOGGED_OUT, java.time.Instant.now()));

        await().atMost(DEADLINE).untilAsserted(() -> assertThat(meOn(instances.b(), session.get("accessToken"))).isEqualTo("SESSION_REVOKED"));
    }

    @Test
    void onTheOtherInstancesWebSocketTheSessionsSubscriptionsEndAndNewOperationsAreRefused() {
        Map<String, Object> session = loginOnA();
        WebSocketGraphQlTester onB = sockets.connect(instances.b().port(), (String) session.get("accessToken"));

        StepVerifier.create(onB.document("subscription { appointmentEvents { __typename } }").executeSubscription().toFlux())
                // a round trip on the same connection, so the subscription is live before the logout
                .then(() -> onB.document("{ me { id } }").execute().path("me.id").hasValue())
                .then(() -> logoutOnA(session))
                .assertNext(response -> response.errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "SESSION_REVOKED"))))
                .expectComplete()
                .verify(DEADLINE);
        onB.document("{ me { id } }").execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "SESSION_REVOKED")));
    }

    @Test
    void theSessionEndedSubscriptionStillHearsWhyBeforeItsConnectionIsStopped() {
        Map<String, Object> session = loginOnA();
        WebSocketGraphQlTester onB = sockets.connect(instances.b().port(), (String) session.get("accessToken"));

        StepVerifier.create(onB.document("subscription { sessionEnded { reason } }").executeSubscription()
                        .toFlux("sessionEnded.reason", String.class))
                .then(() -> onB.document("{ me { id } }").execute().path("me.id").hasValue())
                .then(() -> logoutOnA(session))
                .expectNext("LOGGED_OUT")
                .expectComplete()
                .verify(DEADLINE);
    }
}
