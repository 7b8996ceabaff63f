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
import reactor.test.StepVerifier;

/**
 * Two replicas sharing one redis-server and one table: a booking handled by instance A reaches the
 * doctor's subscription on instance B, and the doctor's answer on B reaches the patient on A.
 */
class AppointmentEventsAcrossInstancesTest {

    @RegisterExtension
    static final TwoInstances instances = new TwoInstances();

    @RegisterExtension
    final Sockets sockets = new Sockets();

    @Test
    void aChangeMadeOnOneInstanceReachesTheSubscribersOnTheOther() {
        TestUser doctor = TestUser.doctor(instances.b().api());
        TestUser patient = TestUser.patient(instances.a().api());
        String slot = doctor.publish(Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MINUTES));
        WebSocketGraphQlTester doctorOnB = sockets.connect(instances.b().port(), doctor.accessToken());
        WebSocketGraphQlTester patientOnA = sockets.connect(instances.a().port(), patient.accessToken());
        String[] appointment = new String[1];

        StepVerifier.create(AppointmentEventsTest.events(doctorOnB).take(1))
                .then(() -> AppointmentEventsTest.ready(doctorOnB))
                .then(() -> appointment[0] = (String) patient.book(slot, "k-" + UUID.randomUUID()).get("id")) // on A
                // the event may arrive before the booking's response: recognise it by its slot
                .assertNext(e -> {
                    assertThat(e).containsEntry("status", "REQUESTED");
                    assertThat(e.get("appointment").toString()).contains("slotId=" + slot);
                })
                .expectComplete()
                .verify(AppointmentEventsTest.WAIT);

        StepVerifier.create(AppointmentEventsTest.events(patientOnA).take(1))
                .then(() -> AppointmentEventsTest.ready(patientOnA))
                .then(() -> doctor.api().tester().document(SchedulingApiContract.doc("acceptAppointment")) // on B
                        .variable("id", appointment[0]).execute().path("acceptAppointment.status").entity(String.class).isEqualTo("CONFIRMED"))
                .assertNext(e -> assertThat(e).containsEntry("status", "CONFIRMED"))
                .expectComplete()
                .verify(AppointmentEventsTest.WAIT);
    }
}
