package br.com.healthmed.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.support.Api;
import br.com.healthmed.support.Sockets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import software.amazon.awssdk.core.exception.AbortedException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * appointmentEvents over graphql-ws on one instance: the patient and the doctor of an appointment hear
 * of every change, with the justification, and nobody else hears anything of it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(AppointmentEventsTest.FailingReads.class)
class AppointmentEventsTest {

    /**
     * Lets a test make the storage fail while a pushed event's fields are resolved (those run on the
     * feed's threads): the failure a client once met as silence. Everything else reads normally.
     */
    @TestConfiguration
    static class FailingReads {
        static final AtomicBoolean failing = new AtomicBoolean();

        @Bean
        static BeanPostProcessor failAppointmentReadsOfPushedEvents() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (!(bean instanceof AppointmentStore store)) {
                        return bean;
                    }
                    return Proxy.newProxyInstance(AppointmentStore.class.getClassLoader(), new Class<?>[] {AppointmentStore.class},
                            (proxy, method, args) -> {
                                if (failing.get() && method.getName().equals("find")
                                        && Thread.currentThread().getName().startsWith("event-feed-")) {
                                    throw AbortedException.builder().message("Thread was interrupted").build();
                                }
                                try {
                                    return method.invoke(store, args);
                                } catch (InvocationTargetException e) {
                                    throw e.getCause();
                                }
                            });
                }
            };
        }
    }

    static final String SUBSCRIPTION = "subscription { appointmentEvents { appointmentId status reason appointment { slotId status doctor { id } } } }";
    static final Duration WAIT = Duration.ofSeconds(15);
    private static final String JUSTIFICATION = "Precisei viajar de última hora.";

    @LocalServerPort
    int port;

    @RegisterExtension
    final Sockets sockets = new Sockets();

    static Flux<Map<String, Object>> events(WebSocketGraphQlTester tester) {
        return tester.document(SUBSCRIPTION).executeSubscription().toFlux("appointmentEvents", Map.class)
                .map(event -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> typed = event;
                    return typed;
                });
    }

    /** A round trip on the connection, so the subscription on it is live before the test acts. */
    static void ready(WebSocketGraphQlTester tester) {
        tester.document("{ me { id } }").execute().path("me.id").hasValue();
    }

    @Test
    void thePatientAndTheDoctorHearOfEveryChangeAndAStrangerOfNone() {
        Api anonymous = Api.at(port);
        TestUser doctor = TestUser.doctor(anonymous);
        TestUser patient = TestUser.patient(anonymous);
        TestUser stranger = TestUser.patient(anonymous);
        String slot = doctor.publish(Instant.now().plus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES));
        WebSocketGraphQlTester doctorSocket = sockets.connect(port, doctor.accessToken());
        WebSocketGraphQlTester patientSocket = sockets.connect(port, patient.accessToken());
        WebSocketGraphQlTester strangerSocket = sockets.connect(port, stranger.accessToken());
        String[] appointment = new String[1];

        StepVerifier.create(events(doctorSocket).take(2))
                .then(() -> ready(doctorSocket))
                .then(() -> appointment[0] = (String) patient.book(slot, "k-" + UUID.randomUUID()).get("id"))
                // the event may arrive before the booking's response: recognise it by its slot
                .assertNext(e -> {
                    assertThat(e).containsEntry("status", "REQUESTED");
                    assertThat(e.get("appointment").toString()).contains("slotId=" + slot).contains(doctor.id());
                })
                .then(() -> patient.api().tester().documentName("cancelAppointment").fragmentName(SchedulingApiContract.APPOINTMENT_FIELDS)
                        .variable("id", appointment[0]).variable("justification", JUSTIFICATION).execute()
                        .path("cancelAppointment.appointment.status").entity(String.class).isEqualTo("CANCELLED"))
                .assertNext(e -> assertThat(e).containsEntry("status", "CANCELLED").containsEntry("reason", JUSTIFICATION))
                .expectComplete()
                .verify(WAIT);

        // The patient hears of the doctor's answer to a new request.
        String slot2 = doctor.publish(Instant.now().plus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES));
        StepVerifier.create(events(patientSocket).take(2))
                .then(() -> ready(patientSocket))
                .then(() -> appointment[0] = (String) patient.book(slot2, "k-" + UUID.randomUUID()).get("id"))
                .assertNext(e -> assertThat(e.get("appointment").toString()).contains("slotId=" + slot2))
                .then(() -> doctor.api().tester().documentName("acceptAppointment").fragmentName(SchedulingApiContract.APPOINTMENT_FIELDS)
                        .variable("id", appointment[0]).execute().path("acceptAppointment.status").entity(String.class).isEqualTo("CONFIRMED"))
                .assertNext(e -> assertThat(e).containsEntry("status", "CONFIRMED"))
                .expectComplete()
                .verify(WAIT);

        // The stranger heard nothing of all that: the first event it gets is of its own booking.
        String ownSlot = TestUser.doctor(anonymous).publish(Instant.now().plus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES));
        StepVerifier.create(events(strangerSocket).take(1))
                .then(() -> ready(strangerSocket))
                .then(() -> stranger.book(ownSlot, "k-" + UUID.randomUUID()))
                .assertNext(e -> assertThat(e.get("appointment").toString()).contains("slotId=" + ownSlot))
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void aFailureResolvingAPushedEventsFieldsReachesTheClientAsACodedErrorAndTheSubscriptionGoesOn() {
        Api anonymous = Api.at(port);
        TestUser doctor = TestUser.doctor(anonymous);
        TestUser patient = TestUser.patient(anonymous);
        String slot = doctor.publish(Instant.now().plus(Duration.ofDays(4)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES));
        WebSocketGraphQlTester doctorSocket = sockets.connect(port, doctor.accessToken());
        String[] appointment = new String[1];
        try {
            StepVerifier.create(doctorSocket.document(SUBSCRIPTION).executeSubscription().toFlux().take(2))
                    .then(() -> ready(doctorSocket))
                    .then(() -> FailingReads.failing.set(true))
                    .then(() -> appointment[0] = (String) patient.book(slot, "k-" + UUID.randomUUID()).get("id"))
                    .assertNext(response -> {
                        response.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                            // a storage client failure is coded retryable since DynamoDB calls fail fast (docs/reliability.md)
                            assertThat(e.getExtensions()).containsEntry("code", "STORAGE_UNAVAILABLE").containsKey("retryAfterSeconds");
                            assertThat(e.getPath()).isEqualTo("appointmentEvents.appointment");
                            assertThat(e.getMessage()).doesNotContain("Thread").doesNotContain("Exception");
                        }));
                        response.path("appointmentEvents.status").entity(String.class).isEqualTo("REQUESTED");
                        response.path("appointmentEvents.appointment").valueIsNull();
                    })
                    .then(() -> FailingReads.failing.set(false))
                    .then(() -> patient.api().tester().documentName("cancelAppointment").fragmentName(SchedulingApiContract.APPOINTMENT_FIELDS)
                            .variable("id", appointment[0]).variable("justification", JUSTIFICATION).execute()
                            .path("cancelAppointment.appointment.status").entity(String.class).isEqualTo("CANCELLED"))
                    .assertNext(response -> response.path("appointmentEvents.status").entity(String.class).isEqualTo("CANCELLED"))
                    .expectComplete()
                    .verify(WAIT);
        } finally {
            FailingReads.failing.set(false);
        }
    }

    @Test
    void anAnonymousSubscriptionIsRefused() {
        WebSocketGraphQlTester socket = sockets.connect(port, null);
        StepVerifier.create(socket.document(SUBSCRIPTION).executeSubscription().toFlux())
                .expectErrorSatisfies(e -> assertThat(e.toString()).contains("UNAUTHENTICATED"))
                .verify(WAIT);
    }
}
