package br.com.healthmed.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.support.Api;
import br.com.healthmed.support.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import br.com.healthmed.support.Sockets;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Scheduling through the GraphQL API, as the web and mobile clients use it: a doctor publishes a
 * week, patients book, the doctor accepts or rejects, patients cancel, time moves (the service's
 * clock is the test's), and the meeting link appears only in its window. Run on both adapters.
 */
@ServiceWithTestClock
abstract class SchedulingApiContract {

    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");
    /**
     * The appointment fields every scheduling document spreads, in {@code graphql-test/appointmentFields.graphql};
     * the tester appends it to the document as {@code fragmentName} (one fragment, one place to change).
     */
    static final String APPOINTMENT_FIELDS = "appointmentFields";
    private static final String JUSTIFICATION = "Tenho um compromisso de trabalho inadiável.";

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    Sweep sweep;

    Api anonymous;
    TestUser doctor;
    TestUser patient;

    @BeforeEach
    void users() {
        clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        anonymous = Api.at(port);
        doctor = newDoctor();
        patient = newPatient();
    }

    // --- publishing and reading agendas ---------------------------------------------------------

    @Test
    void aDoctorPublishesAWeekInTheirTimeZoneAndPatientsSeeItsFreeSlots() {
        LocalDate monday = LocalDate.now(clock.withZone(SAO_PAULO)).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        List<Map<String, Object>> published = publishWeek(doctor, monday, 10);

        // Mon–Fri 08:00–12:00, 50 minutes + 10 minutes gap: 08:00, 09:00, 10:00, 11:00 each day
        assertThat(published).hasSize(20);
        assertThat(Instant.parse((String) published.get(0).get("start")))
                .isEqualTo(monday.atTime(8, 0).atZone(SAO_PAULO).toInstant());
        assertThat(Instant.parse((String) published.get(0).get("end")))
                .isEqualTo(monday.atTime(8, 50).atZone(SAO_PAULO).toInstant());

        List<Map<String, Object>> agenda = agenda(anonymous, doctor.id(), monday, monday.plusDays(7));
        assertThat(agenda).hasSize(20).allSatisfy(slot -> assertThat(slot.get("available")).isEqualTo(true));
    }

    @Test
    void overlappingSlotsAreRefusedAndNothingOfTheRequestIsPublished() {
        Instant start = clock.inDays(2, 9);
        publish(doctor, start);
        GraphQlTester.Errors errors = doctor.api().document("publishSlots")
                .variable("slots", List.of(Map.of("start", start.plus(Duration.ofDays(1)).toString()),
                        Map.of("start", start.plus(Duration.ofMinutes(30)).toString())))
                .execute().errors();
        assertCode(errors, "SLOT_OVERLAP");
        assertThat(agenda(anonymous, doctor.id(), start.minus(Duration.ofDays(1)), start.plus(Duration.ofDays(5)))).hasSize(1);
    }

    @Test
    void onlyDoctorsPublishAndAgendasAreBoundedTo31Days() {
        assertCode(patient.api().document("publishSlots").variable("slots", List.of(Map.of("start", clock.inDays(1, 9).toString())))
                .execute().errors(), "WRONG_ROLE");
        assertCode(anonymous.document("publishSlots").variable("slots", List.of(Map.of("start", clock.inDays(1, 9).toString())))
                .execute().errors(), "UNAUTHENTICATED");
        assertCode(anonymous.document("doctorAgenda").variable("doctorId", doctor.id())
                .variable("from", clock.instant().toString()).variable("to", clock.instant().plus(Duration.ofDays(32)).toString())
                .execute().errors(), "INVALID_DATE_RANGE");
        assertCode(doctor.api().document("publishSlots").variable("slots", List.of(Map.of("start", clock.instant().minus(Duration.ofHours(1)).toString())))
                .execute().errors(), "BAD_USER_INPUT");
        assertCode(doctor.api().document("publishSlots").variable("slots", List.of(Map.of("start", clock.inDays(91, 9).toString())))
                .execute().errors(), "INVALID_DATE_RANGE");
    }

    @Test
    void aFreeSlotMovesUnderANewIdAndABookedOneStaysPut() {
        String free = publish(doctor, clock.inDays(1, 9));
        Map<String, Object> moved = doctor.api().document("moveSlot").variable("slotId", free)
                .variable("start", clock.inDays(1, 15).toString()).execute().path("moveSlot").entity(Map.class).get();
        assertThat(moved.get("id")).isNotEqualTo(free);
        assertThat(Instant.parse((String) moved.get("end"))).isEqualTo(clock.inDays(1, 15).plus(Duration.ofMinutes(50)));
        // a patient holding the old id books nothing unknowingly
        assertCode(patient.api().tester().documentName("bookAppointment").fragmentName(APPOINTMENT_FIELDS).variable("slotId", free)
                .variable("idempotencyKey", "old-" + UUID.randomUUID()).execute().errors(), "NOT_FOUND");

        book(patient, (String) moved.get("id"), "k-" + UUID.randomUUID());
        assertCode(doctor.api().document("moveSlot").variable("slotId", moved.get("id"))
                .variable("start", clock.inDays(2, 15).toString()).execute().errors(), "SLOT_HAS_APPOINTMENT");
        assertCode(doctor.api().document("moveSlot").variable("slotId", moved.get("id"))
                .variable("start", "10000-01-01T00:00:00Z").execute().errors(), "GRAPHQL_VALIDATION_FAILED");
    }

    @Test
    void blockingAPeriodRemovesItsFreeSlotsButNotABookedOne() {
        String booked = publish(doctor, clock.inDays(3, 9));
        publish(doctor, clock.inDays(3, 10));
        publish(doctor, clock.inDays(4, 10));
        Map<String, Object> appointment = book(patient, booked, "k-" + UUID.randomUUID());
        Instant from = clock.inDays(3, 0);
        Instant to = clock.inDays(5, 0);

        assertCode(doctor.api().document("blockPeriod").variable("from", from.toString()).variable("to", to.toString())
                .execute().errors(), "SLOT_HAS_APPOINTMENT");
        assertThat(myAgenda(doctor)).hasSize(3); // nothing removed

        cancel(patient, appointment.get("id"));
        doctor.api().document("blockPeriod").variable("from", from.toString()).variable("to", to.toString())
                .execute().path("blockPeriod").entity(Integer.class).isEqualTo(3);
        assertThat(myAgenda(doctor)).isEmpty();
        assertCode(doctor.api().document("blockPeriod").variable("from", from.toString())
                .variable("to", from.plus(Duration.ofDays(40)).toString()).execute().errors(), "INVALID_DATE_RANGE");
    }

    @Test
    void searchShowsEachDoctorsNextFreeSlotAndABookedOneIsNoLongerIt() {
        // a doctor in Fortaleza, alone within 500 m in this test's data
        doctor.api().document("updateDoctorProfile").variable("input", Map.of("specialties", List.of("CARDIOLOGIA"),
                        "consultationPrice", "250.00",
                        "officeLocation", Map.of("latitude", -3.7319, "longitude", -38.5267)))
                .execute().path("updateDoctorProfile.id").hasValue();
        String first = publish(doctor, clock.inDays(1, 9));
        String second = publish(doctor, clock.inDays(1, 10));
        Map<String, Object> near = Map.of("near", Map.of("latitude", -3.7319, "longitude", -38.5267), "radiusKm", 0.5);

        anonymous.document("searchDoctors").variable("filter", near).execute()
                .path("searchDoctors.edges[0].node.id").entity(String.class).isEqualTo(doctor.id())
                .path("searchDoctors.edges[0].nextAvailableSlot.slotId").entity(String.class).isEqualTo(first);
        book(patient, first, "k-" + UUID.randomUUID());
        anonymous.document("searchDoctors").variable("filter", near).execute()
                .path("searchDoctors.edges[0].nextAvailableSlot.slotId").entity(String.class).isEqualTo(second);
        assertThat(agenda(anonymous, doctor.id(), clock.instant(), clock.instant().plus(Duration.ofDays(3))))
                .singleElement().satisfies(s -> assertThat(s.get("price")).isEqualTo(Map.of("amount", "250.00", "currency", "BRL")));
    }

    // --- the life of an appointment -------------------------------------------------------------

    @Test
    void aPatientBooksTheDoctorAcceptsAndBothGetTheirOwnMeetingLinkOnlyInTheWindow() {
        String slot = publish(doctor, clock.inDays(1, 10));

        Map<String, Object> booked = book(patient, slot, "key-" + UUID.randomUUID());
        assertThat(booked.get("status")).isEqualTo("REQUESTED");
        assertThat(agenda(anonymous, doctor.id(), clock.instant(), clock.instant().plus(Duration.ofDays(3)))).isEmpty();
        List<Map<String, Object>> mine = myAgenda(doctor);
        assertThat(mine).singleElement().satisfies(s -> assertThat(s.get("available")).isEqualTo(false));

        Map<String, Object> accepted = doctor.api().tester().documentName("acceptAppointment").fragmentName(APPOINTMENT_FIELDS)
                .variable("id", booked.get("id")).execute().path("acceptAppointment").entity(Map.class).get();
        assertThat(accepted.get("status")).isEqualTo("CONFIRMED");
        Map<String, Object> meeting = map(accepted.get("meeting"));
        Instant start = Instant.parse((String) accepted.get("start"));
        assertThat(Instant.parse((String) meeting.get("opensAt"))).isEqualTo(start.minus(Duration.ofMinutes(15)));
        assertThat(Instant.parse((String) meeting.get("closesAt"))).isEqualTo(start.plus(Duration.ofMinutes(50)));
        assertThat(meeting.get("joinUrl")).isNull(); // the room is not open yet

        clock.set(start.minus(Duration.ofMinutes(10)));
        String patientLink = (String) map(appointment(patient, booked.get("id")).get("meeting")).get("joinUrl");
        String doctorLink = (String) map(appointment(doctor, booked.get("id")).get("meeting")).get("joinUrl");
        assertThat(patientLink).startsWith("https://meet.jit.si/");
        assertThat(java.net.URLDecoder.decode(patientLink, StandardCharsets.UTF_8)).endsWith("\"" + patient.name() + "\"");
        assertThat(java.net.URLDecoder.decode(doctorLink, StandardCharsets.UTF_8)).endsWith("\"" + doctor.name() + "\"");
        assertThat(patientLink.substring(0, patientLink.indexOf('#'))).isEqualTo(doctorLink.substring(0, doctorLink.indexOf('#')));

        TestUser stranger = newPatient();
        assertCode(stranger.api().tester().documentName("appointment").fragmentName(APPOINTMENT_FIELDS).variable("id", booked.get("id")).execute().errors(), "NOT_FOUND");

        clock.set(start.plus(Duration.ofMinutes(50)));
        Map<String, Object> after = appointment(patient, booked.get("id"));
        assertThat(after.get("status")).isEqualTo("COMPLETED");
        assertThat(map(after.get("meeting")).get("joinUrl")).isNull();
    }

    @Test
    void aRejectedRequestFreesTheSlotForAnotherPatient() {
        String slot = publish(doctor, clock.inDays(1, 11));
        Map<String, Object> first = book(patient, slot, "first-" + UUID.randomUUID());
        Map<String, Object> rejected = doctor.api().tester().documentName("rejectAppointment").fragmentName(APPOINTMENT_FIELDS)
                .variable("id", first.get("id")).variable("reason", "Agenda cheia nesse dia, desculpe.")
                .execute().path("rejectAppointment.appointment").entity(Map.class).get();
        assertThat(rejected.get("status")).isEqualTo("REJECTED");
        assertThat(rejected.get("reason")).isEqualTo("Agenda cheia nesse dia, desculpe.");

        Map<String, Object> second = book(newPatient(), slot, "second-" + UUID.randomUUID());
        assertThat(second.get("status")).isEqualTo("REQUESTED");
        // the first appointment keeps its own history
        assertThat(appointment(patient, first.get("id")).get("status")).isEqualTo("REJECTED");
    }

    /**
     * A normalised cache (Apollo, urql, Relay) updates the entities an answer carries: booking, cancelling
     * and rejecting answer the slot as the change left it, so a cached agenda stops offering a booked slot
     * and offers a freed one again. Through that slot a patient sees their own appointment only; the
     * doctor sees whoever is on it.
     */
    @Test
    void bookingCancellingAndRejectingAnswerTheSlotAsTheChangeLeftIt() {
        String slot = publish(doctor, clock.inDays(1, 17));
        Map<String, Object> booking = payload(patient, "bookAppointment", Map.of("slotId", slot, "idempotencyKey", "k-" + UUID.randomUUID()));
        Object booked = map(booking.get("appointment")).get("id");
        assertThat(map(booking.get("slot"))).containsEntry("id", slot).containsEntry("available", false)
                .containsEntry("appointment", Map.of("id", booked));

        Map<String, Object> cancellation = payload(patient, "cancelAppointment", Map.of("id", booked, "justification", JUSTIFICATION));
        assertThat(map(cancellation.get("slot"))).containsEntry("id", slot).containsEntry("available", true)
                .containsEntry("appointment", null);

        // another patient takes the freed slot: the first one's cancellation sent again shows it taken, not by whom
        Object taken = book(newPatient(), slot, "k-" + UUID.randomUUID()).get("id");
        assertThat(map(payload(patient, "cancelAppointment", Map.of("id", booked, "justification", JUSTIFICATION)).get("slot")))
                .containsEntry("available", false).containsEntry("appointment", null);

        Map<String, Object> rejection = payload(doctor, "rejectAppointment", Map.of("id", taken, "reason", "Agenda cheia nesse dia, desculpe."));
        assertThat(map(rejection.get("slot"))).containsEntry("id", slot).containsEntry("available", true)
                .containsEntry("appointment", null);
        // the doctor's own agenda: a third booking on the slot, and the rejection sent again shows it with its appointment
        Object third = book(newPatient(), slot, "k-" + UUID.randomUUID()).get("id");
        assertThat(map(payload(doctor, "rejectAppointment", Map.of("id", taken, "reason", "Agenda cheia nesse dia, desculpe.")).get("slot")))
                .containsEntry("available", false).containsEntry("appointment", Map.of("id", third));
    }

    /** The whole payload of one of the documents bookAppointment, cancelAppointment or rejectAppointment. */
    private Map<String, Object> payload(TestUser who, String mutation, Map<String, Object> variables) {
        GraphQlTester.Request<?> request = who.api().tester().documentName(mutation).fragmentName(APPOINTMENT_FIELDS);
        variables.forEach(request::variable);
        return map(request.execute().path(mutation).entity(Map.class).get());
    }

    @Test
    void aCancellationNeedsAJustificationAndFreesTheSlot() {
        String slot = publish(doctor, clock.inDays(1, 12));
        Map<String, Object> booked = book(patient, slot, "k-" + UUID.randomUUID());

        for (String tooShort : List.of("", "   ", "no")) {
            GraphQlTester.Errors errors = patient.api().tester().documentName("cancelAppointment").fragmentName(APPOINTMENT_FIELDS)
                    .variable("id", booked.get("id")).variable("justification", tooShort).execute().errors();
            errors.satisfy(list -> assertThat(list).singleElement().satisfies(e -> {
                assertThat(e.getExtensions()).containsEntry("code", "BAD_USER_INPUT").containsEntry("field", "justification");
            }));
        }
        assertThat(appointment(patient, booked.get("id")).get("status")).isEqualTo("REQUESTED");

        Map<String, Object> cancelled = cancel(patient, booked.get("id"));
        assertThat(cancelled.get("status")).isEqualTo("CANCELLED");
        assertThat(cancelled.get("reason")).isEqualTo(JUSTIFICATION);
        assertThat(cancelled.get("cancelledBy")).isEqualTo("PATIENT");
        assertThat(agenda(anonymous, doctor.id(), clock.instant(), clock.instant().plus(Duration.ofDays(3)))).hasSize(1);

        // the same cancellation again is a retry, answered as it stands; another one is an illegal
        // transition, and says where the appointment is
        assertThat(cancel(patient, booked.get("id"))).isEqualTo(cancelled);
        patient.api().tester().documentName("cancelAppointment").fragmentName(APPOINTMENT_FIELDS).variable("id", booked.get("id"))
                .variable("justification", "Uma outra justificativa, diferente da primeira.").execute().errors()
                .satisfy(list -> assertThat(list).singleElement().satisfies(e -> assertThat(e.getExtensions())
                        .containsEntry("code", "INVALID_APPOINTMENT_STATE").containsEntry("currentStatus", "CANCELLED")));
    }

    @Test
    void aRequestTheDoctorDoesNotAnswerExpiresAtTheStartOnReadAndInTheSweep() {
        Instant start = clock.inDays(1, 13);
        String slot = publish(doctor, start);
        Map<String, Object> booked = book(patient, slot, "k-" + UUID.randomUUID());

        clock.set(start);
        assertThat(appointment(patient, booked.get("id")).get("status")).isEqualTo("EXPIRED"); // lazily, before any sweep
        sweep.run();
        Map<String, Object> swept = appointment(doctor, booked.get("id"));
        assertThat(swept.get("status")).isEqualTo("EXPIRED");
        assertThat(swept.get("history").toString()).contains("to=EXPIRED");
        assertCode(doctor.api().tester().documentName("acceptAppointment").fragmentName(APPOINTMENT_FIELDS).variable("id", booked.get("id")).execute().errors(),
                "INVALID_APPOINTMENT_STATE");
    }

    @Test
    void onlyTheAppointmentsPartiesMayActOnItAndEachOnlyInTheirRole() {
        String slot = publish(doctor, clock.inDays(1, 14));
        Map<String, Object> booked = book(patient, slot, "k-" + UUID.randomUUID());
        TestUser otherDoctor = newDoctor();
        TestUser otherPatient = newPatient();

        assertCode(otherDoctor.api().tester().documentName("acceptAppointment").fragmentName(APPOINTMENT_FIELDS).variable("id", booked.get("id")).execute().errors(), "NOT_FOUND");
        assertCode(otherPatient.api().tester().documentName("cancelAppointment").fragmentName(APPOINTMENT_FIELDS).variable("id", booked.get("id"))
                .variable("justification", JUSTIFICATION).execute().errors(), "NOT_FOUND");
        assertCode(patient.api().tester().documentName("acceptAppointment").fragmentName(APPOINTMENT_FIELDS).variable("id", booked.get("id")).execute().errors(), "WRONG_ROLE");
        assertCode(anonymous.tester().documentName("appointment").fragmentName(APPOINTMENT_FIELDS).variable("id", booked.get("id")).execute().errors(), "UNAUTHENTICATED");
        assertCode(doctor.api().tester().documentName("bookAppointment").fragmentName(APPOINTMENT_FIELDS).variable("slotId", slot)
                .variable("idempotencyKey", "doctor-books-" + UUID.randomUUID()).execute().errors(), "WRONG_ROLE");
        assertCode(patient.api().tester().documentName("appointment").fragmentName(APPOINTMENT_FIELDS).variable("id", UUID.randomUUID()).execute().errors(), "NOT_FOUND");
    }

    @Test
    void aRetriedBookingReturnsTheSameAppointmentAndAKeyCannotBookTwoSlots() {
        String slot = publish(doctor, clock.inDays(1, 15));
        String key = "retry-" + UUID.randomUUID();
        Map<String, Object> first = book(patient, slot, key);
        Map<String, Object> again = book(patient, slot, key);
        assertThat(again.get("id")).isEqualTo(first.get("id"));

        String otherSlot = publish(newDoctor(), clock.inDays(2, 15));
        assertCode(patient.api().tester().documentName("bookAppointment").fragmentName(APPOINTMENT_FIELDS).variable("slotId", otherSlot)
                .variable("idempotencyKey", key).execute().errors(), "IDEMPOTENCY_KEY_REUSED");
        assertCode(newPatient().api().tester().documentName("bookAppointment").fragmentName(APPOINTMENT_FIELDS).variable("slotId", slot)
                .variable("idempotencyKey", "other-" + UUID.randomUUID()).execute().errors(), "SLOT_UNAVAILABLE");
        assertCode(patient.api().tester().documentName("bookAppointment").fragmentName(APPOINTMENT_FIELDS).variable("slotId", slot)
                .variable("idempotencyKey", "short").execute().errors(), "BAD_USER_INPUT");
    }

    /**
     * An answer lost on the way (a timeout, a dropped connection) is resolved by sending the same
     * request again: the appointment as the first call left it, nothing changed twice (issue 14).
     */
    @Test
    void acceptRejectAndCancelSentAgainAnswerTheAppointmentAsTheFirstCallLeftIt() {
        String accepted = (String) book(patient, publish(doctor, clock.inDays(3, 8)), "k-" + UUID.randomUUID()).get("id");
        Map<String, Object> once = act(doctor, "acceptAppointment", accepted, null).path("acceptAppointment").entity(Map.class).get();
        Map<String, Object> twice = act(doctor, "acceptAppointment", accepted, null).path("acceptAppointment").entity(Map.class).get();
        assertThat(twice).isEqualTo(once);

        String justification = "Tive um imprevisto e não poderei comparecer.";
        Map<String, Object> cancelled = act(patient, "cancelAppointment", accepted, justification).path("cancelAppointment.appointment").entity(Map.class).get();
        assertThat(act(patient, "cancelAppointment", accepted, justification).path("cancelAppointment.appointment").entity(Map.class).get()).isEqualTo(cancelled);
        // not the same request: another justification, or the other side, is refused as before
        assertCode(act(patient, "cancelAppointment", accepted, "Outra justificativa qualquer aqui.").errors(), "INVALID_APPOINTMENT_STATE");
        assertCode(act(doctor, "cancelAppointment", accepted, justification).errors(), "INVALID_APPOINTMENT_STATE");

        TestUser other = newPatient();
        String rejected = (String) book(other, publish(doctor, clock.inDays(3, 10)), "k-" + UUID.randomUUID()).get("id");
        String reason = "Agenda indisponível neste horário.";
        Map<String, Object> declined = act(doctor, "rejectAppointment", rejected, reason).path("rejectAppointment.appointment").entity(Map.class).get();
        assertThat(act(doctor, "rejectAppointment", rejected, reason).path("rejectAppointment.appointment").entity(Map.class).get()).isEqualTo(declined);
        assertCode(act(doctor, "acceptAppointment", rejected, null).errors(), "INVALID_APPOINTMENT_STATE");
        assertCode(act(doctor, "rejectAppointment", rejected, "Um outro motivo, diferente.").errors(), "INVALID_APPOINTMENT_STATE");
    }

    private GraphQlTester.Response act(TestUser who, String mutation, String id, String text) {
        String argument = switch (mutation) {
            case "rejectAppointment" -> ", reason: $text";
            case "cancelAppointment" -> ", justification: $text";
            default -> "";
        };
        String variables = text == null ? "$id: ID!" : "$id: ID!, $text: String!";
        // accept answers the appointment; reject and cancel a payload with it and its slot
        String selection = mutation.equals("acceptAppointment") ? "...appointmentFields" : "appointment { ...appointmentFields }";
        GraphQlTester.Request<?> request = who.api().tester().document("mutation(" + variables + ") { " + mutation + "(id: $id" + argument
                + ") { " + selection + " } }").fragmentName(APPOINTMENT_FIELDS).variable("id", id);
        return (text == null ? request : request.variable("text", text)).execute();
    }

    @Test
    void aPatientHoldsOneUpcomingAppointmentPerDoctor() {
        String first = publish(doctor, clock.inDays(1, 16));
        String second = publish(doctor, clock.inDays(2, 16));
        Map<String, Object> booked = book(patient, first, "a-" + UUID.randomUUID());
        patient.api().tester().documentName("bookAppointment").fragmentName(APPOINTMENT_FIELDS).variable("slotId", second)
                .variable("idempotencyKey", "b-" + UUID.randomUUID()).execute().errors()
                .satisfy(list -> assertThat(list).singleElement().satisfies(e -> assertThat(e.getExtensions())
                        .containsEntry("code", "BOOKING_LIMIT_REACHED").containsEntry("limit", "ONE_PER_DOCTOR")));

        cancel(patient, booked.get("id"));
        assertThat(book(patient, second, "c-" + UUID.randomUUID()).get("status")).isEqualTo("REQUESTED");
    }

    @Test
    void myAppointmentsPagesThroughEveryAppointmentOnceInStartOrder() {
        List<String> booked = bookedOnFiveDays();
        List<String> seen = new ArrayList<>();
        String after = null;
        boolean more = true;
        while (more) {
            Map<String, Object> page = doctor.api().document("myAppointments").variable("first", 2).variable("after", after)
                    .execute().path("myAppointments").entity(Map.class).get();
            List<Map<String, Object>> edges = list(page.get("edges"));
            edges.forEach(e -> seen.add((String) map(e.get("node")).get("id")));
            Map<String, Object> info = map(page.get("pageInfo"));
            more = (Boolean) info.get("hasNextPage");
            after = (String) info.get("endCursor");
            assertThat(edges.size()).isLessThanOrEqualTo(2);
        }
        assertThat(seen).containsExactlyElementsOf(booked);
        assertCode(doctor.api().document("myAppointments").variable("first", 2).variable("after", "not-a-cursor").execute().errors(),
                "BAD_USER_INPUT");
    }

    @Test
    void myAppointmentsPagesBackFromTheLatestStartIntoThePastOnceEach() {
        List<String> booked = bookedOnFiveDays();
        List<String> seen = new ArrayList<>();
        String before = null;
        boolean more = true;
        while (more) {
            Map<String, Object> page = doctor.api().document("myAppointments").variable("last", 2).variable("before", before)
                    .execute().path("myAppointments").entity(Map.class).get();
            List<String> ids = list(page.get("edges")).stream().map(e -> (String) map(e.get("node")).get("id")).toList();
            assertThat(ids.size()).isBetween(1, 2);
            seen.addAll(0, ids); // each page is in start order and comes before the one read before it
            Map<String, Object> info = map(page.get("pageInfo"));
            assertThat(info.get("hasNextPage")).as("a page read back from a cursor has the cursor's edge after it").isEqualTo(before != null);
            more = (Boolean) info.get("hasPreviousPage");
            before = (String) info.get("startCursor");
        }
        assertThat(seen).containsExactlyElementsOf(booked);

        // A cursor of a forward page reads back from its edge: the appointments before the third.
        String third = doctor.api().document("myAppointments").variable("first", 3).execute()
                .path("myAppointments.pageInfo.endCursor").entity(String.class).get();
        doctor.api().document("myAppointments").variable("last", 10).variable("before", third).execute()
                .path("myAppointments.edges[*].node.id").entityList(String.class).containsExactly(booked.get(0), booked.get(1))
                .path("myAppointments.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(false);
    }

    /** The ids of five appointments with the doctor, one a day from tomorrow at 09:00, each by a new patient. */
    private List<String> bookedOnFiveDays() {
        List<String> booked = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String slot = publish(doctor, clock.inDays(1 + i, 9));
            booked.add((String) book(newPatient(), slot, "p-" + UUID.randomUUID()).get("id"));
        }
        return booked;
    }

    /** The two directions are never mixed, and a bad before is refused as a bad after is: null beside a coded error. */
    @Test
    void firstWithLastOrAfterWithBeforeIsRefused() {
        Map<Map<String, Object>, String> refused = Map.of(Map.of("first", 2, "last", 2), "last", Map.of("last", 0), "last",
                Map.of("last", 101), "last", Map.of("before", "bm90IGEgY3Vyc29y"), "before", Map.of("last", 2, "after", "bm90IGEgY3Vyc29y"), "after");
        refused.forEach((variables, field) -> {
            GraphQlTester.Request<?> request = doctor.api().document("myAppointments");
            for (Map.Entry<String, Object> variable : variables.entrySet()) {
                request = request.variable(variable.getKey(), variable.getValue());
            }
            GraphQlTester.Response response = request.execute();
            response.errors().satisfy(errors -> assertThat(errors).as("%s", variables).singleElement().satisfies(e -> assertThat(e.getExtensions())
                    .containsEntry("code", "BAD_USER_INPUT").containsEntry("field", field)));
            response.path("myAppointments").valueIsNull();
        });
    }

    /** A refused list is null beside its error: an empty page would read as "no appointments". */
    @Test
    void aRefusedListOfAppointmentsIsNullNotAnEmptyPage() {
        publish(doctor, clock.inDays(2, 9));
        for (Map.Entry<String, Object> bad : Map.<String, Object>of("first", 0, "after", "not-a-cursor").entrySet()) {
            GraphQlTester.Response response = doctor.api().document("myAppointments").variable(bad.getKey(), bad.getValue()).execute();
            assertCode(response.errors(), "BAD_USER_INPUT");
            response.path("myAppointments").valueIsNull();
        }
        GraphQlTester.Response anonymousAsk = anonymous.document("myAppointments").execute();
        assertCode(anonymousAsk.errors(), "UNAUTHENTICATED");
        anonymousAsk.path("myAppointments").valueIsNull();
    }

    @Test
    void aCompletedConsultationIsRatedOnceAndTheReviewIsListed() {
        Instant start = clock.inDays(1, 17);
        String slot = publish(doctor, start);
        Map<String, Object> booked = book(patient, slot, "k-" + UUID.randomUUID());
        assertCode(patient.api().tester().documentName("rateAppointment").fragmentName(APPOINTMENT_FIELDS).variable("id", booked.get("id")).variable("stars", 5)
                .execute().errors(), "INVALID_APPOINTMENT_STATE");
        doctor.api().tester().documentName("acceptAppointment").fragmentName(APPOINTMENT_FIELDS).variable("id", booked.get("id")).execute().path("acceptAppointment.status")
                .entity(String.class).isEqualTo("CONFIRMED");

        clock.set(start.plus(Duration.ofHours(1)));
        Map<String, Object> rated = patient.api().tester().documentName("rateAppointment").fragmentName(APPOINTMENT_FIELDS).variable("id", booked.get("id"))
                .variable("stars", 4).variable("comment", "Muito atenciosa.").execute().path("rateAppointment").entity(Map.class).get();
        assertThat(rated.get("status")).isEqualTo("COMPLETED");
        assertThat(map(rated.get("rating")).get("stars")).isEqualTo(4);
        assertCode(patient.api().tester().documentName("rateAppointment").fragmentName(APPOINTMENT_FIELDS).variable("id", booked.get("id")).variable("stars", 5)
                .execute().errors(), "INVALID_APPOINTMENT_STATE");
        assertCode(patient.api().tester().documentName("rateAppointment").fragmentName(APPOINTMENT_FIELDS).variable("id", booked.get("id")).variable("stars", 6)
                .execute().errors(), "BAD_USER_INPUT");

        patient.api().tester().document("query($id: ID!) { appointment(id: $id) { doctor { ... on Doctor { reviews(first: 5) { edges { node { stars comment } } } } } } }")
                .variable("id", booked.get("id")).execute()
                .path("appointment.doctor.reviews.edges[0].node.stars").entity(Integer.class).isEqualTo(4)
                .path("appointment.doctor.reviews.edges[0].node.comment").entity(String.class).isEqualTo("Muito atenciosa.");
    }

    // --- appointment events: replay with after ----------------------------------------------------

    static final String EVENTS_AFTER = "subscription($after: ID) { appointmentEvents(after: $after) { id kind status reason appointmentId } }";

    @RegisterExtension
    final Sockets sockets = new Sockets();

    static Flux<Map<String, Object>> eventsAfter(WebSocketGraphQlTester socket, String after) {
        return socket.document(EVENTS_AFTER).variable("after", after).executeSubscription()
                .toFlux("appointmentEvents", Map.class).map(SchedulingApiContract::map);
    }

    @Test
    void aClientThatLostItsSubscriptionResumesAfterItsLastEventWithEveryMissedOneInOrderThenLive() {
        String slot = publish(doctor, clock.inDays(1, 16));
        WebSocketGraphQlTester first = sockets.connect(port, patient.accessToken());
        List<Map<String, Object>> seen = new ArrayList<>();
        String[] appointment = new String[1];
        StepVerifier.create(eventsAfter(first, null).take(1))
                .then(() -> AppointmentEventsTest.ready(first))
                .then(() -> appointment[0] = (String) book(patient, slot, "k-" + UUID.randomUUID()).get("id"))
                .consumeNextWith(seen::add)
                .expectComplete()
                .verify(AppointmentEventsTest.WAIT);
        assertThat(seen.get(0)).containsEntry("kind", "REQUESTED").containsEntry("appointmentId", appointment[0]);
        first.stop().block(AppointmentEventsTest.WAIT);

        // while the app is away: the doctor accepts, then the patient cancels (from the web, say)
        doctor.api().tester().documentName("acceptAppointment").fragmentName(APPOINTMENT_FIELDS).variable("id", appointment[0]).execute()
                .path("acceptAppointment.status").entity(String.class).isEqualTo("CONFIRMED");
        cancel(patient, appointment[0]);

        String otherSlot = publish(newDoctor(), clock.inDays(2, 16));
        WebSocketGraphQlTester again = sockets.connect(port, patient.accessToken());
        StepVerifier.create(eventsAfter(again, (String) seen.get(0).get("id")).take(3))
                .assertNext(e -> assertThat(e).containsEntry("kind", "CONFIRMED").containsEntry("appointmentId", appointment[0]))
                .assertNext(e -> assertThat(e).containsEntry("kind", "CANCELLED_BY_PATIENT").containsEntry("status", "CANCELLED")
                        .containsEntry("reason", JUSTIFICATION))
                // replayed, now live: the next event is the next change, not a repeat of one replayed
                .then(() -> book(patient, otherSlot, "k-" + UUID.randomUUID()))
                .assertNext(e -> assertThat(e).containsEntry("kind", "REQUESTED").doesNotContainEntry("appointmentId", appointment[0]))
                .expectComplete()
                .verify(AppointmentEventsTest.WAIT);

        // the replay is repeatable: the same ids again, in the same order
        List<Object> replayed = eventsAfter(again, (String) seen.get(0).get("id")).take(3).map(e -> e.get("id"))
                .collectList().block(AppointmentEventsTest.WAIT);
        assertThat(replayed).doesNotHaveDuplicates().doesNotContain(seen.get(0).get("id")).hasSize(3);
        List<Object> afterSecond = eventsAfter(again, (String) replayed.get(0)).take(2).map(e -> e.get("id"))
                .collectList().block(AppointmentEventsTest.WAIT);
        assertThat(afterSecond).containsExactly(replayed.get(1), replayed.get(2));
    }

    @Test
    void aClientWhoseConnectionBrokeBeforeItsFirstEventResumesFromTheCursorItSubscribedWith() {
        TestUser fresh = newPatient();
        String emptyLog = eventsCursor(fresh);
        // subscribed with after: emptyLog, then the connection broke; meanwhile the first change
        String first = (String) book(fresh, publish(doctor, clock.inDays(3, 16)), "k-" + UUID.randomUUID()).get("id");
        WebSocketGraphQlTester socket = sockets.connect(port, fresh.accessToken());
        StepVerifier.create(eventsAfter(socket, emptyLog).take(1))
                .assertNext(e -> assertThat(e).containsEntry("kind", "REQUESTED").containsEntry("appointmentId", first))
                .expectComplete()
                .verify(AppointmentEventsTest.WAIT);

        // a cursor taken once the log has events stands after them
        String later = eventsCursor(fresh);
        String second = (String) book(fresh, publish(newDoctor(), clock.inDays(4, 16)), "k-" + UUID.randomUUID()).get("id");
        StepVerifier.create(eventsAfter(socket, later).take(1))
                .assertNext(e -> assertThat(e).containsEntry("kind", "REQUESTED").containsEntry("appointmentId", second))
                .expectComplete()
                .verify(AppointmentEventsTest.WAIT);

        // a cursor is its account's only, and expires like an event's id
        WebSocketGraphQlTester someoneElse = sockets.connect(port, patient.accessToken());
        StepVerifier.create(eventsAfter(someoneElse, emptyLog))
                .expectErrorSatisfies(e -> assertThat(((SubscriptionErrorException) e).getErrors()).singleElement()
                        .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "BAD_USER_INPUT")))
                .verify(AppointmentEventsTest.WAIT);
        clock.advance(Duration.ofDays(8));
        StepVerifier.create(eventsAfter(socket, emptyLog))
                .expectErrorSatisfies(e -> assertThat(((SubscriptionErrorException) e).getErrors()).singleElement()
                        .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "EVENTS_EXPIRED")))
                .verify(AppointmentEventsTest.WAIT);
    }

    /** Before the check, a forged cursor at position 0 dated far ahead was taken, and never expired. */
    @Test
    void aCursorDatedAheadOfTheServiceClockIsRefused() {
        TestUser fresh = newPatient();
        String[] cursor = new String(java.util.Base64.getUrlDecoder().decode(eventsCursor(fresh)), java.nio.charset.StandardCharsets.UTF_8).split(":");
        assertThat(cursor[0]).as("the tag clients' ids have always had").isEqualTo("ev1");
        String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString((cursor[0] + ":" + cursor[1] + ":0:"
                + clock.instant().plus(Duration.ofDays(3650)).toEpochMilli()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        WebSocketGraphQlTester socket = sockets.connect(port, fresh.accessToken());
        StepVerifier.create(eventsAfter(socket, forged))
                .expectErrorSatisfies(e -> assertThat(((SubscriptionErrorException) e).getErrors()).singleElement()
                        .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "BAD_USER_INPUT")
                                .containsEntry("field", "after")))
                .verify(AppointmentEventsTest.WAIT);
    }

    private static String eventsCursor(TestUser who) {
        return who.api().tester().document("{ appointmentEventsCursor }").execute()
                .path("appointmentEventsCursor").entity(String.class).get();
    }

    @Test
    void resumingAfterAnIdThatIsNotOneOfTheCallersEventsIsRefusedAndAfterAnExpiredOneSaysSo() {
        String slot = publish(doctor, clock.inDays(1, 17));
        WebSocketGraphQlTester socket = sockets.connect(port, patient.accessToken());
        String[] id = new String[1];
        StepVerifier.create(eventsAfter(socket, null).take(1))
                .then(() -> AppointmentEventsTest.ready(socket))
                .then(() -> book(patient, slot, "k-" + UUID.randomUUID()))
                .consumeNextWith(e -> id[0] = (String) e.get("id"))
                .expectComplete()
                .verify(AppointmentEventsTest.WAIT);

        // the doctor got the same change as an event of its own, with an id of its own
        WebSocketGraphQlTester doctorSocket = sockets.connect(port, doctor.accessToken());
        for (String notTheirs : List.of("not-an-id", "", id[0] + "x", id[0])) {
            StepVerifier.create(eventsAfter(doctorSocket, notTheirs))
                    .expectErrorSatisfies(e -> assertThat(((SubscriptionErrorException) e).getErrors()).singleElement()
                            .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "BAD_USER_INPUT")
                                    .containsEntry("field", "after")))
                    .verify(AppointmentEventsTest.WAIT);
        }

        clock.advance(Duration.ofDays(8)); // past the retention (7 days)
        StepVerifier.create(eventsAfter(socket, id[0]))
                .expectErrorSatisfies(e -> assertThat(((SubscriptionErrorException) e).getErrors()).singleElement()
                        .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "EVENTS_EXPIRED")))
                .verify(AppointmentEventsTest.WAIT);
    }

    // --- helpers --------------------------------------------------------------------------------

    private TestUser newDoctor() {
        return TestUser.doctor(anonymous);
    }

    private TestUser newPatient() {
        return TestUser.patient(anonymous);
    }

    private List<Map<String, Object>> publishWeek(TestUser who, LocalDate monday, int gapMinutes) {
        return list(who.api().document("publishWeeklyAvailability").variable("input", Map.of(
                        "from", monday.toString(), "to", monday.plusDays(6).toString(),
                        "days", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"),
                        "startTime", "08:00:00", "endTime", "12:00:00", "gapMinutes", gapMinutes))
                .execute().path("publishWeeklyAvailability").entity(List.class).get());
    }

    private String publish(TestUser who, Instant start) {
        return who.publish(start);
    }

    private List<Map<String, Object>> agenda(Api api, String doctorId, LocalDate from, LocalDate to) {
        return agenda(api, doctorId, from.atStartOfDay(SAO_PAULO).toInstant(), to.atStartOfDay(SAO_PAULO).toInstant());
    }

    private List<Map<String, Object>> agenda(Api api, String doctorId, Instant from, Instant to) {
        return list(api.document("doctorAgenda").variable("doctorId", doctorId).variable("from", from.toString())
                .variable("to", to.toString()).execute().path("doctorAgenda").entity(List.class).get());
    }

    private List<Map<String, Object>> myAgenda(TestUser who) {
        return list(who.api().document("myAgenda").variable("from", clock.instant().toString())
                .variable("to", clock.instant().plus(Duration.ofDays(30)).toString()).execute().path("myAgenda").entity(List.class).get());
    }

    private Map<String, Object> book(TestUser who, String slot, String key) {
        return who.book(slot, key);
    }

    private Map<String, Object> cancel(TestUser who, Object id) {
        return who.api().tester().documentName("cancelAppointment").fragmentName(APPOINTMENT_FIELDS).variable("id", id).variable("justification", JUSTIFICATION)
                .execute().path("cancelAppointment.appointment").entity(Map.class).get();
    }

    private Map<String, Object> appointment(TestUser who, Object id) {
        return who.api().tester().documentName("appointment").fragmentName(APPOINTMENT_FIELDS).variable("id", id).execute().path("appointment").entity(Map.class).get();
    }

    static void assertCode(GraphQlTester.Errors errors, String code) {
        errors.satisfy(list -> assertThat(list).extracting(ResponseError::getExtensions)
                .anySatisfy(ext -> assertThat(ext).containsEntry("code", code)));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }
}
