package br.com.healthmed.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.HealthMedApplication;
import br.com.healthmed.identity.AccountId;
import br.com.healthmed.records.ClinicalRecordRelay;
import br.com.healthmed.records.ConsultationNote;
import br.com.healthmed.records.ConsultationNoteStore;
import br.com.healthmed.records.NoteContent;
import br.com.healthmed.records.NoteId;
import br.com.healthmed.records.NoteVersion;
import br.com.healthmed.support.Api;
import br.com.healthmed.support.RedisServer;
import br.com.healthmed.support.Sockets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import reactor.core.Disposable;
import reactor.test.StepVerifier;

/**
 * Issue 14: on an instance started while Redis does not answer (SIGSTOP: it takes connections and never
 * replies), the first subscriptions used to die: {@code clinicalRecordEvents} with INTERNAL_ERROR
 * ("Unable to connect to Redis", after the 2 s connection timeout). Now no subscription fails for Redis:
 * {@code appointmentEvents} and {@code clinicalRecordEvents} read their durable logs, so a booking and a note
 * made meanwhile reach their patient (a poll finds them: the wake-ups are lost), and registration, login and
 * booking work on the per-instance counters.
 */
class SubscriptionsWhileRedisIsPausedTest {

    private static final String CLINICAL_EVENTS = "subscription { clinicalRecordEvents { id kind noteId } }";

    @RegisterExtension
    final Sockets sockets = new Sockets();

    @Test
    void onAnInstanceStartedWhileRedisIsPausedSubscriptionsAreNotFailedAndABookingAndANoteReachTheirPatient() {
        try (RedisServer.Own redis = RedisServer.startOwn()) {
            redis.pause();
            ConfigurableApplicationContext instance = start(redis.port());
            try {
                int port = instance.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
                Api anonymous = Api.at(port);
                TestUser doctor = TestUser.doctor(anonymous);
                TestUser patient = TestUser.patient(anonymous);
                String slot = doctor.publish(Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MINUTES));
                WebSocketGraphQlTester socket = sockets.connect(port, patient.accessToken());

                List<Throwable> clinicalFailures = new CopyOnWriteArrayList<>();
                List<Map<?, ?>> clinicalEvents = new CopyOnWriteArrayList<>();
                Disposable clinical = socket.document(CLINICAL_EVENTS).executeSubscription()
                        .toFlux("clinicalRecordEvents", Map.class).subscribe(clinicalEvents::add, clinicalFailures::add);
                StepVerifier.create(SchedulingApiContract.eventsAfter(socket, null).take(1))
                        .then(() -> AppointmentEventsTest.ready(socket))
                        .then(() -> patient.book(slot, "k-" + UUID.randomUUID()))
                        .assertNext(event -> assertThat(event.get("kind")).isEqualTo("REQUESTED"))
                        .expectComplete()
                        .verify(Duration.ofSeconds(60));
                AppointmentEventsTest.ready(socket); // one more round trip: a failed subscription has been told by now
                assertThat(clinicalFailures).isEmpty();

                // a note whose notice the sweep relays now: appended to the patient's log, its wake-up lost in Redis
                NoteId note = storeNoteDueNow(instance, patient, doctor);
                instance.getBean(ClinicalRecordRelay.class).sweep();
                Instant deadline = Instant.now().plusSeconds(60);
                while (clinicalEvents.isEmpty() && clinicalFailures.isEmpty() && Instant.now().isBefore(deadline)) {
                    java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
                }
                assertThat(clinicalFailures).isEmpty();
                assertThat(clinicalEvents).singleElement().satisfies(event -> assertThat(event.get("kind")).isEqualTo("NOTE_WRITTEN"));
                assertThat(br.com.healthmed.support.GlobalIds.key((String) clinicalEvents.get(0).get("noteId"))).isEqualTo(note.toString());
                clinical.dispose();
            } finally {
                redis.resume();
                instance.close();
            }
        }
    }

    /** What a doctor's note leaves for the relay: the note and its notice, due now. */
    private static NoteId storeNoteDueNow(ConfigurableApplicationContext instance, TestUser patient, TestUser doctor) {
        Instant now = Instant.now();
        AppointmentId appointment = AppointmentId.random();
        AccountId doctorId = AccountId.of(br.com.healthmed.support.GlobalIds.key(doctor.id()));
        NoteVersion first = new NoteVersion(1, new NoteContent("Tontura", Optional.empty(), Optional.empty(), "Vertigem posicional",
                List.of(), Optional.empty()), Optional.empty(), doctorId, doctor.name(), "123456/SP", now);
        instance.getBean(ConsultationNoteStore.class).create(new ConsultationNote(NoteId.of(appointment), appointment,
                AccountId.of(br.com.healthmed.support.GlobalIds.key(patient.id())), doctorId, now.minus(Duration.ofMinutes(5)), now,
                List.of(first)), now.minusSeconds(1));
        return NoteId.of(appointment);
    }

    /** One instance on the in-memory storage with Redis for events and counters; subscriptions poll their log every second. */
    private static ConfigurableApplicationContext start(int redisPort) {
        return new SpringApplicationBuilder(HealthMedApplication.class)
                .registerShutdownHook(false)
                .run("--server.port=0", "--healthmed.events=redis",
                        "--healthmed.events.redis.channel-prefix=test-" + UUID.randomUUID() + ":",
                        "--spring.data.redis.host=" + RedisServer.host(), "--spring.data.redis.port=" + redisPort,
                        "--healthmed.events.poll-interval=PT1S");
    }
}
