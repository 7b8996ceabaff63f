package br.com.healthmed.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.support.Sockets;
import br.com.healthmed.support.TwoInstances;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * On two instances that have just started (no Redis subscription yet on either), the very first
 * change after the subscriptions are acknowledged reaches a subscriber on the instance that makes
 * it and one on the other instance, even when Redis takes longer to take each publish than the
 * publish timeout (before, such a publish was abandoned, and the event lost).
 */
class FirstAppointmentEventOnFreshInstancesTest {

    /**
     * Redis answers every publish later than the publish timeout, as it answers the first publish of a
     * fresh instance (which opens the connection) when the network is slow: a slow publish must still
     * reach the subscribers, not be abandoned.
     */
    @RegisterExtension
    static final TwoInstances instances = new TwoInstances().with("healthmed.events.redis.publish-timeout", "PT0.000001S");

    @RegisterExtension
    final Sockets sockets = new Sockets();

    @Test
    void theFirstChangeAfterTheSubscriptionsAreAcknowledgedReachesBothInstances() {
        TestUser doctor = TestUser.doctor(instances.b().api());
        TestUser patient = TestUser.patient(instances.a().api());
        String slot = doctor.publish(Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MINUTES));
        WebSocketGraphQlTester doctorOnB = sockets.connect(instances.b().port(), doctor.accessToken());
        WebSocketGraphQlTester patientOnA = sockets.connect(instances.a().port(), patient.accessToken());

        StepVerifier.create(Flux.merge(SchedulingApiContract.eventsAfter(doctorOnB, null).take(1).map(e -> "doctor " + e.get("kind")),
                        SchedulingApiContract.eventsAfter(patientOnA, null).take(1).map(e -> "patient " + e.get("kind"))).collectList())
                .then(() -> AppointmentEventsTest.ready(doctorOnB))
                .then(() -> AppointmentEventsTest.ready(patientOnA))
                .then(() -> patient.book(slot, "k-" + UUID.randomUUID())) // on A, right away
                .assertNext(kinds -> assertThat(kinds).containsExactlyInAnyOrder("doctor REQUESTED", "patient REQUESTED"))
                .expectComplete()
                .verify(AppointmentEventsTest.WAIT);
    }
}
