package br.com.healthmed.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.support.Api;
import br.com.healthmed.support.Sockets;
import br.com.healthmed.support.TwoInstances;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * Two replicas sharing one redis-server: a mutation handled by instance A reaches a graphql-ws
 * subscriber connected to instance B, and only the subscriber it concerns.
 */
class EventsAcrossInstancesTest {

    private static final String SUBSCRIPTION = "subscription { sessionEnded { sessionId reason at } }";
    private static final Duration WAIT = Duration.ofSeconds(15);

    @RegisterExtension
    static final TwoInstances instances = new TwoInstances();

    @RegisterExtension
    final Sockets sockets = new Sockets();

    private static Flux<String> reasons(WebSocketGraphQlTester tester) {
        return tester.document(SUBSCRIPTION).executeSubscription().toFlux("sessionEnded.reason", String.class);
    }

    /** A new patient's session, logged in on A: a session whose tokens both instances accept. */
    private static Map<String, Object> loginOnA() {
        return instances.a().api().loginAsNewPatient();
    }

    @Test
    void bothInstancesCarryEventsOverRedisAndReportItsHealth() {
        assertThat(instances.a().bean(EventBus.class)).isInstanceOf(RedisEventBus.class);
        assertThat(instances.b().bean(EventBus.class)).isInstanceOf(RedisEventBus.class);
        assertThat(instances.a().context().containsBean("redisHealthContributor")).isTrue();
    }

    @Test
    void aLogoutOnInstanceAReachesTheSessionsSubscriberOnInstanceB() {
        Map<String, Object> session = loginOnA();
        WebSocketGraphQlTester onB = sockets.connect(instances.b().port(), (String) session.get("accessToken"));

        StepVerifier.create(reasons(onB))
                // a round trip on the same connection, so the subscription is live before the logout
                .then(() -> onB.document("{ me { id } }").execute().path("me.id").hasValue())
                // each instance listens for ended sessions from start-up (to refuse their tokens), once
                .then(() -> assertThat(instances.redisSubscribers("identity.session-ended")).isEqualTo(2))
                .then(() -> instances.a().api().document("logout").variable("refreshToken", session.get("refreshToken"))
                        .execute().path("logout").entity(Boolean.class).isEqualTo(true))
                // LOGGED_OUT, not ALREADY_ENDED: B saw the session open, and learnt of its end from A
                .expectNext("LOGGED_OUT")
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void aLogoutOnAIsNotReportedToAnotherSessionsSubscriberOnB() {
        Map<String, Object> mine = loginOnA();
        Map<String, Object> other = loginOnA();
        WebSocketGraphQlTester onB = sockets.connect(instances.b().port(), (String) mine.get("accessToken"));

        StepVerifier.create(reasons(onB))
                .then(() -> onB.document("{ me { id } }").execute().path("me.id").hasValue())
                .then(() -> instances.a().api().document("logout").variable("refreshToken", other.get("refreshToken"))
                        .execute().path("logout").hasValue())
                // then mine ends: the first (and only) event this subscriber sees is its own
                .then(() -> instances.a().api().document("logout").variable("refreshToken", mine.get("refreshToken"))
                        .execute().path("logout").hasValue())
                .expectNext("LOGGED_OUT")
                .expectComplete()
                .verify(WAIT);
    }
}
