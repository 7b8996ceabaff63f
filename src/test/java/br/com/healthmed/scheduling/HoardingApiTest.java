package br.com.healthmed.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.support.TestClock;
import br.com.healthmed.support.Api;
import br.com.healthmed.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The security report's hoarding scenario through the API: one person registers twelve accounts from
 * one address and tries to take all twelve slots of a new doctor. With the default limits they get
 * three (per network and doctor) or two (per device and doctor); the doctor sees the requests flagged
 * and declines them in one call; requests nobody answers give their slots back after a day.
 * Every client here comes from 127.0.0.1, as the attacker's accounts would from their one address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "healthmed.security.jwt.access-token-ttl=P30D",
        "healthmed.scheduling.sweep-interval=PT1H",
        "healthmed.login-throttle.max-registrations-per-address=1000"})
@Import(TestClock.class)
class HoardingApiTest {

    private static final String BOOK = """
            mutation book($slotId: UUID!, $key: String!) {
              bookAppointment(slotId: $slotId, idempotencyKey: $key) { id status answerBy holdWarnings }
            }""";
    private static final String WAITING = """
            query { myAppointments(status: REQUESTED, first: 100) { edges { node { id status holdWarnings } } } }""";
    private static final String APPOINTMENT = """
            query one($id: UUID!) { appointment(id: $id) { id status reason answerBy holdWarnings } }""";
    private static final String RELEASE = """
            mutation release($ids: [UUID!]!) { releaseHolds(ids: $ids) { id status reason } }""";
    private static final String AGENDA = """
            query agenda($doctorId: UUID!, $from: DateTime!, $to: DateTime!) {
              doctorAgenda(doctorId: $doctorId, from: $from, to: $to) { id }
            }""";

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    Sweep sweep;

    TestUser doctor;
    List<String> slots;

    @BeforeEach
    void aNewDoctorWithTwelveSlots() {
        clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        doctor = TestUser.doctor(client());
        Instant first = clock.instant().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
        slots = IntStream.range(0, 12).mapToObj(i -> doctor.publish(first.plus(Duration.ofHours(i)))).toList();
    }

    @Test
    void twelveAccountsFromOneAddressWithTwelveDevicesGetThreeOfTheTwelveSlots() {
        List<Object> outcomes = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            outcomes.add(book(newPatient(), "device-" + UUID.randomUUID(), slots.get(i)));
        }

        assertThat(outcomes.subList(0, 3)).allSatisfy(o -> assertThat(o).isInstanceOf(Map.class));
        assertThat(outcomes.subList(3, 12)).allSatisfy(o -> {
            ResponseError refused = (ResponseError) o;
            assertThat(refused.getExtensions()).containsEntry("code", "RATE_LIMITED").containsEntry("limit", "PER_NETWORK_PER_DOCTOR");
            assertThat(((Number) refused.getExtensions().get("retryAfterSeconds")).longValue()).isPositive();
        });
        assertThat(freeSlots()).hasSize(9);
    }

    @Test
    void twelveAccountsOnOneDeviceGetTwo() {
        String device = "device-" + UUID.randomUUID();
        List<Object> outcomes = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            outcomes.add(book(newPatient(), device, slots.get(i)));
        }

        assertThat(outcomes).filteredOn(Map.class::isInstance).hasSize(2);
        assertThat(outcomes).filteredOn(ResponseError.class::isInstance).hasSize(10)
                .allSatisfy(o -> assertThat(((ResponseError) o).getExtensions()).containsEntry("limit", "PER_DEVICE_PER_DOCTOR"));
    }

    @Test
    void withoutADeviceIdTheBrowserOnThatNetworkCountsAsTheDevice() {
        List<Object> outcomes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            outcomes.add(book(newPatient(), null, slots.get(i)));
        }

        assertThat(outcomes).filteredOn(Map.class::isInstance).hasSize(2);
    }

    @Test
    void aRequestRefusedForATakenSlotDoesNotUseUpTheBudget() {
        TestUser patient = newPatient();
        String device = "device-" + UUID.randomUUID();
        assertThat(book(patient, device, slots.get(0))).isInstanceOf(Map.class);
        for (int i = 0; i < 5; i++) {
            Object taken = book(newPatient(), "device-" + UUID.randomUUID(), slots.get(0));
            assertThat(((ResponseError) taken).getExtensions()).containsEntry("code", "SLOT_UNAVAILABLE");
        }

        assertThat(book(newPatient(), "device-" + UUID.randomUUID(), slots.get(1))).isInstanceOf(Map.class);
        assertThat(book(newPatient(), "device-" + UUID.randomUUID(), slots.get(2))).isInstanceOf(Map.class);
    }

    @Test
    void theDoctorSeesTheHoardedRequestsFlaggedWithoutAnyAddress() {
        List<TestUser> patients = List.of(newPatient(), newPatient(), newPatient());
        String sharedDevice = "device-" + UUID.randomUUID();
        List<String> ids = List.of(
                id(book(patients.get(0), sharedDevice, slots.get(0))),
                id(book(patients.get(1), sharedDevice, slots.get(1))),
                id(book(patients.get(2), "device-" + UUID.randomUUID(), slots.get(2))));

        List<Map<String, Object>> waiting = waiting(doctor);

        assertThat(waiting).extracting(n -> n.get("id")).containsExactlyInAnyOrderElementsOf(ids);
        Map<String, Object> byDevice = node(waiting, ids.get(0));
        assertThat(byDevice.get("holdWarnings")).isEqualTo(List.of("SAME_NETWORK", "SAME_DEVICE", "NEW_ACCOUNT"));
        assertThat(node(waiting, ids.get(2)).get("holdWarnings")).isEqualTo(List.of("SAME_NETWORK", "NEW_ACCOUNT"));
        assertThat(byDevice.toString()).doesNotContain("127.0.0.1");
        // the patient does not see them
        Map<String, Object> own = patients.get(0).api().tester().document(APPOINTMENT).variable("id", ids.get(0)).execute()
                .path("appointment").entity(Map.class).get();
        assertThat(own).containsEntry("holdWarnings", null);
    }

    @Test
    void anOldAccountBookingAloneRaisesNoWarning() {
        TestUser patient = newPatient();
        clock.advance(Duration.ofHours(2));
        String id = id(book(patient, "device-" + UUID.randomUUID(), slots.get(0)));

        assertThat(node(waiting(doctor), id).get("holdWarnings")).isEqualTo(List.of());
    }

    @Test
    void theDoctorReleasesFlaggedHoldsAtOnceAndThePatientsReadANeutralReason() {
        TestUser first = newPatient();
        TestUser second = newPatient();
        String a = id(book(first, "device-" + UUID.randomUUID(), slots.get(0)));
        String b = id(book(second, "device-" + UUID.randomUUID(), slots.get(1)));
        TestUser otherDoctor = TestUser.doctor(client());
        assertThat(error(otherDoctor.api().tester().document(RELEASE).variable("ids", List.of(a, b)).execute()))
                .containsEntry("code", "NOT_FOUND");
        assertThat(error(first.api().tester().document(RELEASE).variable("ids", List.of(a)).execute()))
                .containsEntry("code", "WRONG_ROLE");

        List<Map<String, Object>> released = doctor.api().tester().document(RELEASE).variable("ids", List.of(a, b)).execute()
                .path("releaseHolds").entityList(Map.class).get().stream().map(m -> (Map<String, Object>) m).toList();

        assertThat(released).extracting(m -> m.get("status")).containsExactly("REJECTED", "REJECTED");
        Map<String, Object> seenByPatient = first.api().tester().document(APPOINTMENT).variable("id", a).execute()
                .path("appointment").entity(Map.class).get();
        assertThat(seenByPatient).containsEntry("status", "REJECTED")
                .containsEntry("reason", "O médico não pôde atender esta solicitação. Por favor, escolha outro horário.");
        assertThat(freeSlots()).hasSize(12);
        // sent again: nothing more happens
        assertThat(doctor.api().tester().document(RELEASE).variable("ids", List.of(a, b)).execute()
                .path("releaseHolds[*].status").entityList(String.class).get()).containsExactly("REJECTED", "REJECTED");
    }

    @Test
    void aRequestTheDoctorDoesNotAnswerExpiresAfterADayAndTheSlotCanBeBookedAgain() {
        Map<?, ?> booked = (Map<?, ?>) book(newPatient(), "device-" + UUID.randomUUID(), slots.get(0));
        assertThat(Instant.parse((String) booked.get("answerBy"))).isEqualTo(clock.instant().plus(Duration.ofHours(24)));

        clock.advance(Duration.ofHours(24));
        sweep.run();

        assertThat(doctor.api().tester().document(APPOINTMENT).variable("id", booked.get("id")).execute()
                .path("appointment.status").entity(String.class).get()).isEqualTo("EXPIRED");
        assertThat(freeSlots()).contains(slots.get(0));
        assertThat(book(newPatient(), "device-" + UUID.randomUUID(), slots.get(0))).isInstanceOf(Map.class);
    }

    // --- helpers --------------------------------------------------------------------------------

    private Api client() {
        return Api.at(port);
    }

    private TestUser newPatient() {
        return TestUser.patient(client());
    }

    /**
     * Books as the patient from a device (or none: no X-Device-Id); the appointment's fields, or the
     * error. With room for a slow answer on a busy test machine.
     */
    private Object book(TestUser patient, String deviceId, String slotId) {
        HttpGraphQlTester.Builder<?> builder = HttpGraphQlTester.create(WebTestClient.bindToServer()
                        .baseUrl("http://localhost:" + port + "/graphql").responseTimeout(Duration.ofSeconds(60)).build())
                .mutate().header("Authorization", "Bearer " + patient.accessToken());
        if (deviceId != null) {
            builder.header("X-Device-Id", deviceId);
        }
        GraphQlTester.Response response = builder.build().document(BOOK).variable("slotId", slotId)
                .variable("key", "k-" + UUID.randomUUID()).execute();
        Object[] outcome = new Object[1];
        response.errors().satisfy(errors -> outcome[0] = errors.isEmpty() ? null : errors.get(0));
        return outcome[0] != null ? outcome[0] : response.path("bookAppointment").entity(Map.class).get();
    }

    private static String id(Object booked) {
        assertThat(booked).isInstanceOf(Map.class);
        return (String) ((Map<?, ?>) booked).get("id");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> waiting(TestUser doctor) {
        return doctor.api().tester().document(WAITING).execute().path("myAppointments.edges[*].node").entityList(Map.class).get()
                .stream().map(m -> (Map<String, Object>) m).toList();
    }

    private static Map<String, Object> node(List<Map<String, Object>> nodes, String id) {
        return nodes.stream().filter(n -> id.equals(n.get("id"))).findFirst().orElseThrow();
    }

    private static Map<String, Object> error(GraphQlTester.Response response) {
        Object[] first = new Object[1];
        response.errors().satisfy(errors -> first[0] = errors.get(0).getExtensions());
        @SuppressWarnings("unchecked")
        Map<String, Object> extensions = (Map<String, Object>) first[0];
        return extensions;
    }

    private List<String> freeSlots() {
        Instant from = clock.instant();
        return client().tester().document(AGENDA).variable("doctorId", doctor.id()).variable("from", from.toString())
                .variable("to", from.plus(Duration.ofDays(5)).toString()).execute()
                .path("doctorAgenda[*].id").entityList(String.class).get();
    }
}
