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
                .then(() -> doctor.api().tester().documentName("acceptAppointment").fragmentName(SchedulingApiContract.APPOINTMENT_FIELDS) // on B
                        .variable("id", appointment[0]).execute().path("acceptAppointment.status").entity(String.class).isEqualTo("CONFIRMED"))
                .assertNext(e -> assertThat(e).containsEntry("status", "CONFIRMED"))
                .expectComplete()
                .verify(AppointmentEventsTest.WAIT);
    }

    @Test
    void aClientResumesOnTheOtherInstanceWithEverythingItMissedAndThenGoesLive() {
        TestUser doctor = TestUser.doctor(instances.a().api());
        TestUser patient = TestUser.patient(instances.a().api()); // its mutations go to A
        String slot = doctor.publish(Instant.now().plus(Duration.ofDays(4)).truncatedTo(ChronoUnit.MINUTES));
        String otherSlot = doctor.publish(Instant.now().plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.MINUTES));
        WebSocketGraphQlTester onB = sockets.connect(instances.b().port(), patient.accessToken());
        String[] seen = new String[2];
        StepVerifier.create(SchedulingApiContract.eventsAfter(onB, null).take(1))
                .then(() -> AppointmentEventsTest.ready(onB))
                .then(() -> seen[1] = (String) patient.book(slot, "k-" + UUID.randomUUID()).get("id"))
                .consumeNextWith(e -> seen[0] = (String) e.get("id"))
                .expectComplete()
                .verify(AppointmentEventsTest.WAIT);
        onB.stop().block(AppointmentEventsTest.WAIT);

        // away: two changes on A
        doctor.api().tester().documentName("rejectAppointment").fragmentName(SchedulingApiContract.APPOINTMENT_FIELDS).variable("id", seen[1])
                .variable("reason", "Agenda cheia nesse dia, desculpe.").execute()
                .path("rejectAppointment.appointment.status").entity(String.class).isEqualTo("REJECTED");
        String second = (String) patient.book(otherSlot, "k-" + UUID.randomUUID()).get("id");

        WebSocketGraphQlTester backOnB = sockets.connect(instances.b().port(), patient.accessToken());
        StepVerifier.create(SchedulingApiContract.eventsAfter(backOnB, seen[0]).take(3))
                .assertNext(e -> assertThat(e).containsEntry("kind", "REJECTED").containsEntry("appointmentId", seen[1])
                        .containsEntry("reason", "Agenda cheia nesse dia, desculpe."))
                .assertNext(e -> assertThat(e).containsEntry("kind", "REQUESTED").containsEntry("appointmentId", second))
                .then(() -> doctor.api().tester().documentName("acceptAppointment").fragmentName(SchedulingApiContract.APPOINTMENT_FIELDS) // on A, live
                        .variable("id", second).execute().path("acceptAppointment.status").entity(String.class).isEqualTo("CONFIRMED"))
                .assertNext(e -> assertThat(e).containsEntry("kind", "CONFIRMED").containsEntry("appointmentId", second))
                .expectComplete()
                .verify(AppointmentEventsTest.WAIT);
    }

    @Test
    void aBurstOfChangesOnOneInstanceReachesASubscriberOnTheOtherEachOnceAndInOrder() {
        TestUser doctor = TestUser.doctor(instances.a().api());
        TestUser patient = TestUser.patient(instances.a().api());
        int rounds = 8;
        java.util.List<String> slots = new java.util.ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            slots.add(doctor.publish(Instant.now().plus(Duration.ofDays(10 + i)).truncatedTo(ChronoUnit.MINUTES)));
        }
        WebSocketGraphQlTester doctorOnB = sockets.connect(instances.b().port(), doctor.accessToken());
        java.util.List<java.util.Map<String, Object>> received = new java.util.ArrayList<>();
        StepVerifier.create(SchedulingApiContract.eventsAfter(doctorOnB, null).take(2L * rounds))
                .then(() -> AppointmentEventsTest.ready(doctorOnB))
                .then(() -> {
                    for (String slot : slots) { // book and call off, as fast as the API answers
                        String id = (String) patient.book(slot, "k-" + UUID.randomUUID()).get("id");
                        patient.api().tester().documentName("cancelAppointment").fragmentName(SchedulingApiContract.APPOINTMENT_FIELDS).variable("id", id)
                                .variable("justification", "Precisei viajar de última hora.").execute()
                                .path("cancelAppointment.appointment.status").entity(String.class).isEqualTo("CANCELLED");
                    }
                })
                .recordWith(() -> received)
                .expectNextCount(2L * rounds)
                .expectComplete()
                .verify(AppointmentEventsTest.WAIT.multipliedBy(4));
        assertThat(received).extracting(e -> e.get("id")).doesNotHaveDuplicates();
        for (int i = 0; i < rounds; i++) {
            assertThat(received.get(2 * i)).containsEntry("kind", "REQUESTED");
            assertThat(received.get(2 * i + 1)).containsEntry("kind", "CANCELLED_BY_PATIENT")
                    .containsEntry("appointmentId", received.get(2 * i).get("appointmentId"));
        }
    }
}
