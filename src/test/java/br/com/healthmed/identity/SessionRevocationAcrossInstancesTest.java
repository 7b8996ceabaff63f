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
import reactor.test.StepVerifier;

/**
 * A session ended on one instance stops its access tokens on every instance at once, not when they
 * expire 15 minutes later: after logout, after refresh-token reuse, on an instance that started
 * afterwards, and on one that never got the event-bus message. Two replicas sharing dynalite and Redis.
 *
 * <p>The pair re-reads revocations from storage only every hour ({@link #BUS_ONLY}), so within these
 * tests only the event-bus message can make the other instance refuse a token: a broken bus fails
 * them. The lost-message test starts a replica of its own that re-reads every second.
 */
class SessionRevocationAcrossInstancesTest {

    /** Longer than the whole class runs: the pair's storage re-read never happens during it. */
    private static final String BUS_ONLY = "PT1H";
    /** A hang guard, far below {@link #BUS_ONLY}; the bus delivers in milliseconds. */
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private static final String RELOAD_INTERVAL = "healthmed.security.revocation.reload-interval";

    @RegisterExtension
    static final TwoInstances instances = new TwoInstances().with(RELOAD_INTERVAL, BUS_ONLY);

    @RegisterExtension
    final Sockets sockets = new Sockets();

    /** A new patient's session, logged in on A: a session whose tokens both instances accept. */
    private static Map<String, Object> loginOnA() {
        return instances.a().api().loginAsNewPatient();
    }

    /** {@code { me { id } }} over HTTP with this token: "OK", or the error code of the refusal. */
    private static String meOn(TwoInstances.Instance instance, Object accessToken) {
        return instance.api().meAnswer(accessToken);
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
        // a replica that re-reads storage every second (the pair: every hour)
        TwoInstances.Instance rereading = instances.startAnother("rereading", Map.of(RELOAD_INTERVAL, "PT1S"));
        assertThat(meOn(rereading, session.get("accessToken"))).isEqualTo("OK");

        // Stored only, nothing published: as if the revoking instance had crashed before publishing,
        // or Redis had dropped the message.
        instances.a().bean(RefreshTokenStore.class).revokeFamily(new RefreshTokenStore.Revocation(
                sessionId, SessionEnded.Reason.LOGGED_OUT, java.time.Instant.now()));

        await().atMost(DEADLINE).untilAsserted(() -> assertThat(meOn(rereading, session.get("accessToken"))).isEqualTo("SESSION_REVOKED"));
        // B listens on the bus and does not re-read storage in this test: nothing came over the bus.
        assertThat(meOn(instances.b(), session.get("accessToken"))).isEqualTo("OK");
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
