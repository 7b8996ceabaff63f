package br.com.healthmed.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import br.com.healthmed.directory.DoctorProfileService;
import br.com.healthmed.scheduling.TestUser;
import br.com.healthmed.support.Api;
import br.com.healthmed.support.Errors;
import br.com.healthmed.support.GlobalIds;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * Relay Global Object Identification through the API: every object with identity implements Node, its id
 * comes back through node(id:) and nodes(ids:) to exactly those who may see it through the typed queries,
 * and to everyone else it is null with NOT_FOUND, the same answer as for an id that names nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "healthmed.booking-limits.per-network=100000",
        "healthmed.booking-limits.per-device=100000",
        "healthmed.booking-limits.per-network-per-doctor=100000",
        "healthmed.booking-limits.per-device-per-doctor=100000"})
class NodeApiTest {

    private static final String NODE = "query($id: ID!) { node(id: $id) { __typename id } }";
    private static final String NODES = "query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }";

    /** Object types whose id is no object's identity: stream positions, proposals, views without a lookup. */
    private static final Set<String> NOT_NODES = Set.of("AppointmentEvent", "ClinicalRecordEvent", "ProposedTime",
            "ReceivedShare", "AccessLogEntry", "AvailableSlot", "SessionEnded");

    @LocalServerPort
    int port;

    /** Counts the profile reads (the service itself answers, on the real store). */
    @MockitoSpyBean
    DoctorProfileService profiles;

    Api anonymous;
    TestUser doctor;
    TestUser patient;
    TestUser otherPatient;
    TestUser otherDoctor;

    @BeforeEach
    void users() {
        anonymous = Api.at(port);
        doctor = TestUser.doctor(anonymous);
        otherDoctor = TestUser.doctor(anonymous);
        patient = TestUser.patient(anonymous);
        otherPatient = TestUser.patient(anonymous);
    }

    @Test
    void eachObjectComesBackToThoseWhoMaySeeItAndToNobodyElse() {
        Instant tomorrow = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String freeSlot = doctor.publish(tomorrow);
        String bookedSlot = doctor.publish(tomorrow.plus(2, ChronoUnit.HOURS));
        String appointment = (String) patient.book(bookedSlot, "k-" + UUID.randomUUID()).get("id");
        String specialty = anonymous.tester().document("{ specialties { id code } }").execute()
                .path("specialties[0].id").entity(String.class).get();
        String waitlist = patient.api().tester().document("mutation($d: ID!, $f: DateTime!, $t: DateTime!) { joinWaitlist(doctorId: $d, from: $f, to: $t) { id } }")
                .variable("d", doctor.id()).variable("f", tomorrow.toString()).variable("t", tomorrow.plus(5, ChronoUnit.DAYS).toString())
                .execute().path("joinWaitlist.id").entity(String.class).get();
        String group = patient.api().tester().document("mutation { createRecordGroup(name: \"exames\") { id } }").execute()
                .path("createRecordGroup.id").entity(String.class).get();
        String share = patient.api().tester().document("mutation($d: ID!) { shareRecord(input: {doctorId: $d, allFiles: true, durationHours: 24}) { id } }")
                .variable("d", doctor.id()).execute().path("shareRecord.id").entity(String.class).get();
        String export = patient.api().tester().document("mutation { requestDataExport { id } }").execute()
                .path("requestDataExport.id").entity(String.class).get();

        Map<String, Object[]> who = new LinkedHashMap<>(); // id -> type, then who sees it: doctor, patient, other patient, anonymous
        who.put(doctor.id(), new Object[] {"Doctor", true, true, true, true});
        who.put(specialty, new Object[] {"Specialty", true, true, true, true});
        who.put(freeSlot, new Object[] {"Slot", true, true, true, true});
        who.put(bookedSlot, new Object[] {"Slot", true, true, false, false}); // its doctor and the patient who booked it
        who.put(appointment, new Object[] {"Appointment", true, true, false, false});
        who.put(patient.id(), new Object[] {"Patient", false, true, false, false});
        who.put(waitlist, new Object[] {"WaitlistEntry", false, true, false, false});
        who.put(group, new Object[] {"RecordGroup", false, true, false, false});
        who.put(share, new Object[] {"RecordShare", false, true, false, false});
        who.put(export, new Object[] {"DataExport", false, true, false, false});

        List<Api> callers = List.of(doctor.api(), patient.api(), otherPatient.api(), anonymous);
        who.forEach((id, expected) -> {
            for (int c = 0; c < callers.size(); c++) {
                boolean sees = (boolean) expected[c + 1];
                String as = expected[0] + " " + id + " as caller " + c;
                if (sees) {
                    callers.get(c).tester().document(NODE).variable("id", id).execute()
                            .path("node.__typename").entity(String.class).isEqualTo(expected[0])
                            .path("node.id").entity(String.class).isEqualTo(id);
                } else {
                    assertHiddenLikeMissing(callers.get(c), id, as);
                }
            }
        });

        // nodes(ids:) answers the same, in the order given, each refusal with its own path
        List<String> ids = new ArrayList<>(who.keySet());
        List<Object> seen = otherPatient.api().tester().document(NODES).variable("ids", ids).execute()
                .errors().satisfy(errors -> assertThat(errors).allSatisfy(e -> assertThat(e.getExtensions()).containsEntry("code", "NOT_FOUND"))
                        .extracting(ResponseError::getPath).containsExactly("nodes[3]", "nodes[4]", "nodes[5]", "nodes[6]", "nodes[7]", "nodes[8]", "nodes[9]"))
                .path("nodes").entityList(Object.class).get();
        assertThat(seen).hasSize(ids.size());
        assertThat(seen.subList(3, ids.size())).containsOnlyNulls();
        assertThat(((Map<?, ?>) seen.get(0)).get("id")).isEqualTo(doctor.id());
    }

    @Test
    void aBookedSlotComesBackByIdAsTheBookingAnsweredItAndNeverWithAnotherPatientsBooking() {
        String slot = doctor.publish(Instant.now().plus(6, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS));
        String bySlot = "query($id: ID!) { node(id: $id) { id ... on Slot { available appointment { id } } } }";
        Map<?, ?> booked = patient.api().tester().document("""
                        mutation($s: ID!, $k: String!) { bookAppointment(slotId: $s, idempotencyKey: $k) { slot { id available appointment { id } } } }""")
                .variable("s", slot).variable("k", "k-" + UUID.randomUUID()).execute().path("bookAppointment.slot").entity(Map.class).get();
        assertThat(((Map<?, ?>) booked.get("appointment")).get("id")).isNotNull();

        // a normalised cache refetches the slot by id: the same object as the booking answered, to its patient and its doctor
        for (Api involved : List.of(patient.api(), doctor.api())) {
            assertThat(involved.tester().document(bySlot).variable("id", slot).execute().path("node").entity(Map.class).get()).isEqualTo(booked);
        }
        assertHiddenLikeMissing(otherPatient.api(), slot, "another patient's booked slot");

        // cancelled, the slot is bookable again: anyone finds it, nobody through it the cancelled booking
        String appointment = (String) ((Map<?, ?>) booked.get("appointment")).get("id");
        patient.api().tester().document("mutation($id: ID!) { cancelAppointment(id: $id, justification: \"a change of plans\") { appointment { id } } }")
                .variable("id", appointment).execute().path("cancelAppointment.appointment.id").entity(String.class).isEqualTo(appointment);
        for (Api anyone : List.of(otherPatient.api(), patient.api(), anonymous)) {
            anyone.tester().document(bySlot).variable("id", slot).execute()
                    .path("node.available").entity(Boolean.class).isEqualTo(true)
                    .path("node.appointment").valueIsNull();
        }
    }

    @Test
    void aDoctorReadsTheirPatientThroughTheAppointmentNotByItsId() {
        String slot = doctor.publish(Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS));
        String appointment = (String) patient.book(slot, "k-" + UUID.randomUUID()).get("id");

        doctor.api().tester().document("query($id: ID!) { appointment(id: $id) { patient { id name } } }").variable("id", appointment).execute()
                .path("appointment.patient.id").entity(String.class).isEqualTo(patient.id());
        // as docs/api.md "Ids" says: node(id:) answers a Patient to that patient alone
        assertHiddenLikeMissing(doctor.api(), patient.id(), "the patient of the doctor's appointment");
        assertHiddenLikeMissing(otherDoctor.api(), patient.id(), "a patient of another doctor");
    }

    @Test
    void aMissingIdAnIdOfAnotherKindAndGarbageAreAllJustNotFound() {
        String slot = doctor.publish(Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS));
        for (String id : List.of(GlobalIds.of("Appointment", UUID.randomUUID()), GlobalIds.of("Nothing", UUID.randomUUID()),
                "garbage", UUID.randomUUID().toString(), GlobalIds.key(slot),
                GlobalIds.of("Doctor", GlobalIds.key(doctor.id()).toUpperCase()))) { // one object, one id
            assertHiddenLikeMissing(patient.api(), id, id);
        }
        // a typed argument: the slot's id where an appointment's is expected names no appointment
        Errors.assertCode(patient.api().tester().document("query($id: ID!) { appointment(id: $id) { id } }").variable("id", slot), "NOT_FOUND");
        Errors.assertCode(patient.api().tester().document("query($id: ID!) { appointment(id: $id) { id } }").variable("id", "garbage"), "NOT_FOUND");
    }

    @Test
    void aTypedArgumentStillTakesTheBareUuidOfBeforeGlobalIds() {
        String slot = doctor.publish(Instant.now().plus(4, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS));
        String appointment = (String) patient.book(slot, "k-" + UUID.randomUUID()).get("id");

        patient.api().tester().document("query($id: ID!) { appointment(id: $id) { id slotId } }").variable("id", GlobalIds.key(appointment)).execute()
                .path("appointment.id").entity(String.class).isEqualTo(appointment)
                .path("appointment.slotId").entity(String.class).isEqualTo(slot);
        anonymous.tester().document("query($id: ID!) { doctor(id: $id) { id } }").variable("id", GlobalIds.key(doctor.id())).execute()
                .path("doctor.id").entity(String.class).isEqualTo(doctor.id());
    }

    @Test
    void nodesTakesAtMostAHundredIdsAndItsRefusalLeavesTheSiblingsStanding() {
        List<String> ids = Collections.nCopies(101, doctor.id());
        AtomicReference<List<ResponseError>> errors = new AtomicReference<>();
        GraphQlTester.Response response = anonymous.tester().document("query($ids: [ID!]!) { specialties { code } nodes(ids: $ids) { id } }")
                .variable("ids", ids).execute();
        response.errors().satisfy(errors::set);
        assertThat(errors.get()).singleElement().satisfies(error -> {
            assertThat(error.getExtensions()).containsEntry("code", "BAD_USER_INPUT").containsEntry("field", "ids");
            assertThat(error.getPath()).isEqualTo("nodes");
        });
        response.path("nodes").valueIsNull().path("specialties[0].code").hasValue();
        anonymous.tester().document(NODES).variable("ids", Collections.nCopies(100, doctor.id())).execute()
                .path("nodes[99].id").entity(String.class).isEqualTo(doctor.id());
        anonymous.tester().document(NODES).variable("ids", List.of()).execute().path("nodes").entityList(Object.class).hasSize(0);
    }

    @Test
    void theHundredIdsAreForTheWholeOperationAliasesAndNodeIncluded() {
        String twoAliases = "query($ids: [ID!]!) { a: nodes(ids: $ids) { id } b: nodes(ids: $ids) { id } }";
        AtomicReference<List<ResponseError>> errors = new AtomicReference<>();
        GraphQlTester.Response response = anonymous.tester().document(twoAliases).variable("ids", Collections.nCopies(60, doctor.id())).execute();
        response.errors().satisfy(errors::set);
        assertThat(errors.get()).singleElement().satisfies(error ->
                assertThat(error.getExtensions()).containsEntry("code", "BAD_USER_INPUT").containsEntry("field", "ids"));
        // one of the two is answered in full, the other is refused whole
        Map<String, Object> data = response.returnResponse().getData();
        Object a = data.get("a");
        Object b = data.get("b");
        assertThat((List<?>) (a == null ? b : a)).hasSize(60);
        assertThat(a == null || b == null).isTrue();

        // literals count the same, and node counts one
        String literal = "\"" + doctor.id() + "\"";
        String hundred = String.join(",", Collections.nCopies(100, literal));
        GraphQlTester.Response withNode = anonymous.tester()
                .document("{ all: nodes(ids: [" + hundred + "]) { id } one: node(id: " + literal + ") { id } }").execute();
        withNode.errors().satisfy(errors::set);
        assertThat(errors.get()).singleElement().satisfies(error ->
                assertThat(error.getExtensions()).containsEntry("code", "BAD_USER_INPUT"));
        Map<String, Object> both = withNode.returnResponse().getData();
        assertThat(both.get("all") == null ? both.get("one") : both.get("all")).isNotNull();
        assertThat(both.get("all") == null || both.get("one") == null).isTrue();
    }

    @Test
    void oneDoctorIsOneObjectWithTheProfileOnIt() {
        anonymous.tester().document("query($id: ID!) { doctor(id: $id) { __typename id timeZone consultationDurationMinutes specialties { id code } } }")
                .variable("id", doctor.id()).execute()
                .path("doctor.__typename").entity(String.class).isEqualTo("Doctor")
                .path("doctor.id").entity(String.class).isEqualTo(doctor.id())
                .path("doctor.timeZone").entity(String.class).isEqualTo("America/Sao_Paulo")
                .path("doctor.specialties[0].code").entity(String.class).isEqualTo("CARDIOLOGIA");
        // a booking's doctor is that same object, under the same id
        String slot = doctor.publish(Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS));
        String appointment = (String) patient.book(slot, "k-" + UUID.randomUUID()).get("id");
        patient.api().tester().document("query($id: ID!) { appointment(id: $id) { doctor { __typename id consultationDurationMinutes } } }")
                .variable("id", appointment).execute()
                .path("appointment.doctor.__typename").entity(String.class).isEqualTo("Doctor")
                .path("appointment.doctor.id").entity(String.class).isEqualTo(doctor.id())
                .path("appointment.doctor.consultationDurationMinutes").entity(Integer.class).isEqualTo(50);
    }

    @Test
    void aDoctorByIdIsOneProfileReadAsDoctorByIdIs() {
        String fields = "{ id timeZone consultationDurationMinutes specialties { code } }";
        for (String query : List.of("query($id: ID!) { doctor(id: $id) " + fields + " }", "query($id: ID!) { node(id: $id) { ... on Doctor " + fields + " } }")) {
            clearInvocations(profiles);
            anonymous.tester().document(query).variable("id", doctor.id()).execute()
                    .path(query.contains("node") ? "node.timeZone" : "doctor.timeZone").entity(String.class).isEqualTo("America/Sao_Paulo");
            verify(profiles, times(1)).find(any());
            verify(profiles, never()).findAll(any()); // the profile fields read the primed view, not the store again
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyTypeWithAnIdImplementsNode() {
        List<Map<String, Object>> types = anonymous.tester().document("""
                { __schema { types { name kind interfaces { name } fields { name type { kind ofType { name } } } } } }""")
                .execute().path("__schema.types").entityList((Class<Map<String, Object>>) (Class<?>) Map.class).get();
        Set<String> withId = new TreeSet<>();
        Set<String> nodes = new TreeSet<>();
        for (Map<String, Object> type : types) {
            if (!"OBJECT".equals(type.get("kind")) || ((String) type.get("name")).startsWith("__")) {
                continue;
            }
            List<Map<String, Object>> fields = (List<Map<String, Object>>) type.get("fields");
            boolean hasId = fields.stream().anyMatch(field -> "id".equals(field.get("name")));
            if (hasId && !NOT_NODES.contains(type.get("name"))) {
                withId.add((String) type.get("name"));
            }
            if (((List<Map<String, Object>>) type.get("interfaces")).stream().anyMatch(i -> "Node".equals(i.get("name")))) {
                nodes.add((String) type.get("name"));
            }
        }
        assertThat(nodes).isEqualTo(withId).contains("Appointment", "Slot", "Doctor", "Patient", "WaitlistEntry", "RecordFile",
                "RecordGroup", "RecordShare", "ConsultationNote", "DataExport", "Specialty");
        assertThat(types).filteredOn(type -> "DoctorProfile".equals(type.get("name"))).singleElement()
                .satisfies(profile -> assertThat((List<Map<String, Object>>) profile.get("fields")).extracting(f -> f.get("name")).doesNotContain("id"));
    }

    /** null with NOT_FOUND and nothing else: the answer for an id that names nothing. */
    private static void assertHiddenLikeMissing(Api caller, String id, String as) {
        AtomicReference<List<ResponseError>> errors = new AtomicReference<>();
        GraphQlTester.Response response = caller.tester().document(NODE).variable("id", id).execute();
        response.errors().satisfy(errors::set);
        response.path("node").valueIsNull();
        assertThat(errors.get()).as(as).singleElement().satisfies(error -> {
            assertThat(error.getExtensions()).containsEntry("code", "NOT_FOUND");
            assertThat(error.getMessage()).isEqualTo("Node not found");
        });
    }
}
