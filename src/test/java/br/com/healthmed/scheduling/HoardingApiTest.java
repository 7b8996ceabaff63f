package br.com.healthmed.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.support.TestClock;
import br.com.healthmed.support.Api;
import br.com.healthmed.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import br.com.healthmed.platform.web.ClientAddress;
import br.com.healthmed.platform.web.ClientDevice;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.ResponseError;
import org.springframework.http.MediaType;
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
        "healthmed.login-throttle.max-registrations-per-address=1000",
        // so that a test can book "from" an IPv6 address by X-Forwarded-For; without the header every client is 127.0.0.1
        "healthmed.web.trusted-proxies=127.0.0.0/8,::1"})
@Import(TestClock.class)
class HoardingApiTest {

    private static final String BOOK = """
            mutation book($slotId: ID!, $key: String!) {
              bookAppointment(slotId: $slotId, idempotencyKey: $key) { appointment { id status answerBy holdWarnings } }
            }""";
    private static final String WAITING = """
            query { myAppointments(status: REQUESTED, first: 100) { edges { node { id status holdWarnings } } } }""";
    private static final String APPOINTMENT = """
            query one($id: ID!) { appointment(id: $id) { id status reason answerBy holdWarnings } }""";
    private static final String RELEASE = """
            mutation release($ids: [ID!]!) { releaseHolds(ids: $ids) { appointments { id status reason } slots { id available appointment { id } } } }""";
    private static final String AGENDA = """
            query agenda($doctorId: ID!, $from: DateTime!, $to: DateTime!) {
              doctorAgenda(doctorId: $doctorId, from: $from, to: $to) { id }
            }""";

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    Sweep sweep;

    @Autowired
    OriginDigests originDigests;

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
        // the patient does not see them
        Map<String, Object> own = patients.get(0).api().tester().document(APPOINTMENT).variable("id", ids.get(0)).execute()
                .path("appointment").entity(Map.class).get();
        assertThat(own).containsEntry("holdWarnings", null);
    }

    @Test
    void noTypeADoctorReachesFromAnAppointmentHasAClientAddressOrOriginFieldAndTheServedJsonCarriesNeither() {
        String device = "device-" + UUID.randomUUID();
        String id = id(book(newPatient(), device, slots.get(0)));
        book(newPatient(), "device-" + UUID.randomUUID(), slots.get(1)); // the same network: flagged
        Map<String, Map<String, Object>> types = schemaTypes(doctor);

        Set<String> reachable = reachableTypes(types, List.of("AppointmentConnection", "Appointment", "AppointmentEvent"));
        assertThat(reachable).contains("Appointment", "AppointmentEdge", "AppointmentTransition");
        assertThat(reachable.stream().flatMap(type -> fields(types.get(type)).stream()
                .map(field -> type + "." + field.get("name"))).filter(name -> CLIENT_ORIGIN.matcher(name).find()))
                .isEmpty();

        String json = rawJson(doctor, everythingTheDoctorMayRead(types));
        BookingOrigin origin = originDigests.of(new ClientAddress("127.0.0.1"), new ClientDevice(Optional.of(device), Optional.empty()));
        assertThat(origin.network()).isPresent();
        assertThat(origin.device()).isPresent();
        assertThat(json).contains(id).contains("SAME_NETWORK").doesNotContain("127.0.0.1").doesNotContain(device)
                .doesNotContain(origin.network().get()).doesNotContain(origin.device().get());
    }

    @Test
    void requestsFromOneIpv6SlashFortyEightAreFlaggedSameNetworkThoughEachComesFromItsOwnSixtyFour() {
        String first = id(book(newPatient(), "device-" + UUID.randomUUID(), slots.get(0), "2001:db8:42:1::7"));
        String second = id(book(newPatient(), "device-" + UUID.randomUUID(), slots.get(1), "2001:db8:42:2::7"));
        String elsewhere = id(book(newPatient(), "device-" + UUID.randomUUID(), slots.get(2), "2001:db8:43:1::7"));

        List<Map<String, Object>> waiting = waiting(doctor);

        assertThat(node(waiting, first).get("holdWarnings")).isEqualTo(List.of("SAME_NETWORK", "NEW_ACCOUNT"));
        assertThat(node(waiting, second).get("holdWarnings")).isEqualTo(List.of("SAME_NETWORK", "NEW_ACCOUNT"));
        assertThat(node(waiting, elsewhere).get("holdWarnings")).isEqualTo(List.of("NEW_ACCOUNT"));
    }

    @Test
    void sevenSixtyFoursOfOneIpv6SlashFortyEightGetSixOfTheDoctorsSlots() {
        List<Object> outcomes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            outcomes.add(book(newPatient(), "device-" + UUID.randomUUID(), slots.get(i), "2001:db8:77:" + (i + 1) + "::1"));
        }

        assertThat(outcomes.subList(0, 6)).allSatisfy(o -> assertThat(o).isInstanceOf(Map.class));
        assertThat(outcomes.subList(6, 8)).allSatisfy(o -> assertThat(((ResponseError) o).getExtensions())
                .containsEntry("code", "RATE_LIMITED").containsEntry("limit", "PER_WIDE_NETWORK_PER_DOCTOR"));
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

        GraphQlTester.Response release = doctor.api().tester().document(RELEASE).variable("ids", List.of(a, b)).execute();
        List<Map<String, Object>> released = release.path("releaseHolds.appointments").entityList(Map.class).get().stream()
                .map(m -> (Map<String, Object>) m).toList();

        assertThat(released).extracting(m -> m.get("status")).containsExactly("REJECTED", "REJECTED");
        // the answer carries both slots as they are now, free again, for the doctor's cached agenda
        List<Map<String, Object>> freed = release.path("releaseHolds.slots").entityList(Map.class).get().stream()
                .map(m -> (Map<String, Object>) m).toList();
        assertThat(freed).extracting(m -> m.get("id")).containsExactly(slots.get(0), slots.get(1));
        assertThat(freed).allSatisfy(slot -> assertThat(slot).containsEntry("available", true).containsEntry("appointment", null));
        Map<String, Object> seenByPatient = first.api().tester().document(APPOINTMENT).variable("id", a).execute()
                .path("appointment").entity(Map.class).get();
        assertThat(seenByPatient).containsEntry("status", "REJECTED")
                .containsEntry("reason", "O médico não pôde atender esta solicitação. Por favor, escolha outro horário.");
        assertThat(freeSlots()).hasSize(12);
        // sent again: nothing more happens
        assertThat(doctor.api().tester().document(RELEASE).variable("ids", List.of(a, b)).execute()
                .path("releaseHolds.appointments[*].status").entityList(String.class).get()).containsExactly("REJECTED", "REJECTED");
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

    /** A field name that would carry where a client connected from, or a digest of it. */
    private static final Pattern CLIENT_ORIGIN =
            Pattern.compile("(?i)(client|remote|ip)address|\\.ip$|origin|digest|network|device|useragent|forwarded");

    private static final String INTROSPECTION = """
            query { __schema { types { name kind fields { name args { type { kind } }
              type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }""";

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> schemaTypes(TestUser user) {
        List<Map<String, Object>> types = (List<Map<String, Object>>) (List<?>) user.api().tester().document(INTROSPECTION).execute()
                .path("__schema.types").entityList(Map.class).get();
        Map<String, Map<String, Object>> byName = new HashMap<>();
        types.forEach(type -> byName.put((String) type.get("name"), type));
        return byName;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> fields(Map<String, Object> type) {
        Object fields = type.get("fields");
        return fields == null ? List.of() : (List<Map<String, Object>>) fields;
    }

    /** The named type under lists and non-nulls. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> namedType(Map<String, Object> field) {
        Map<String, Object> type = (Map<String, Object>) field.get("type");
        while (type.get("name") == null) {
            type = (Map<String, Object>) type.get("ofType");
        }
        return type;
    }

    /** The object types reachable through fields from the roots, the roots included. */
    private static Set<String> reachableTypes(Map<String, Map<String, Object>> types, List<String> roots) {
        Set<String> reached = new TreeSet<>();
        Deque<String> next = new ArrayDeque<>(roots);
        while (!next.isEmpty()) {
            String name = next.pop();
            if (reached.add(name)) {
                fields(types.get(name)).stream().map(HoardingApiTest::namedType)
                        .filter(type -> "OBJECT".equals(type.get("kind"))).forEach(type -> next.push((String) type.get("name")));
            }
        }
        return reached;
    }

    /**
     * The doctor's waiting requests with every field of an appointment, objects three levels down,
     * less the fields the doctor is refused (the patient's private data: NOT_FOUND), which would
     * otherwise null the whole node.
     */
    private String everythingTheDoctorMayRead(Map<String, Map<String, Object>> types) {
        Set<String> refused = new HashSet<>();
        for (int attempt = 0; attempt < 10; attempt++) {
            String query = "query { myAppointments(status: REQUESTED, first: 100) { edges { cursor node "
                    + selection(types, "Appointment", 3, refused) + " } } }";
            List<List<Object>> errorPaths = new ArrayList<>();
            doctor.api().tester().document(query).execute().errors()
                    .satisfy(errors -> errors.forEach(e -> errorPaths.add(e.getParsedPath())));
            if (errorPaths.isEmpty()) {
                return query;
            }
            errorPaths.forEach(path -> refused.add(fieldAt(types, path)));
        }
        throw new AssertionError("still refused fields after ten attempts: " + refused);
    }

    /** "Type.field" of the field at a response path, e.g. [myAppointments, edges, 0, node, patient, cpf]. */
    private static String fieldAt(Map<String, Map<String, Object>> types, List<Object> path) {
        List<String> names = path.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        String type = "Query";
        for (String name : names.subList(0, names.size() - 1)) {
            String parent = type;
            type = (String) namedType(fields(types.get(parent)).stream().filter(f -> name.equals(f.get("name")))
                    .findFirst().orElseThrow()).get("name");
        }
        return type + "." + names.get(names.size() - 1);
    }

    /** A selection of every field of the type without arguments and not refused, objects down to {@code depth}. */
    private static String selection(Map<String, Map<String, Object>> types, String type, int depth, Set<String> refused) {
        StringBuilder selection = new StringBuilder("{ __typename");
        for (Map<String, Object> field : fields(types.get(type))) {
            if (!((List<?>) field.get("args")).isEmpty() || refused.contains(type + "." + field.get("name"))) {
                continue;
            }
            Map<String, Object> named = namedType(field);
            if (!"OBJECT".equals(named.get("kind"))) {
                selection.append(' ').append(field.get("name"));
            } else if (depth > 1) {
                selection.append(' ').append(field.get("name")).append(' ').append(selection(types, (String) named.get("name"), depth - 1, refused));
            }
        }
        return selection.append(" }").toString();
    }

    /** The whole response body, as served. */
    private String rawJson(TestUser user, String query) {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port + "/graphql").responseTimeout(Duration.ofSeconds(60)).build()
                .post().header("Authorization", "Bearer " + user.accessToken()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", query)).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

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
        return book(patient, deviceId, slotId, null);
    }

    /** As {@link #book(TestUser, String, String)}, from {@code forwardedFor} when not null (as the load balancer says). */
    private Object book(TestUser patient, String deviceId, String slotId, String forwardedFor) {
        HttpGraphQlTester.Builder<?> builder = HttpGraphQlTester.create(WebTestClient.bindToServer()
                        .baseUrl("http://localhost:" + port + "/graphql").responseTimeout(Duration.ofSeconds(60)).build())
                .mutate().header("Authorization", "Bearer " + patient.accessToken());
        if (deviceId != null) {
            builder.header("X-Device-Id", deviceId);
        }
        if (forwardedFor != null) {
            builder.header("X-Forwarded-For", forwardedFor);
        }
        GraphQlTester.Response response = builder.build().document(BOOK).variable("slotId", slotId)
                .variable("key", "k-" + UUID.randomUUID()).execute();
        Object[] outcome = new Object[1];
        response.errors().satisfy(errors -> outcome[0] = errors.isEmpty() ? null : errors.get(0));
        return outcome[0] != null ? outcome[0] : response.path("bookAppointment.appointment").entity(Map.class).get();
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
