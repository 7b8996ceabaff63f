package br.com.healthmed.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.identity.UnverifiedSessions;
import br.com.healthmed.support.Api;
import br.com.healthmed.support.ClockedApiTest;
import br.com.healthmed.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Rescheduling, proposed times, booking rules and the waitlist through the API, as patients and
 * doctors meet them: a patient moves a consultation, a doctor proposes another time, sets a minimum
 * notice or instant booking, and a sought-after doctor's freed slot goes to the first waiter, who is
 * told by e-mail and takes it. Waitlist offers are made by the event relay in the background, so the
 * tests wait for them (polling with a deadline). The clock runs on from where a test puts it. Run on
 * both storage adapters.
 */
@ClockedApiTest
abstract class RescheduleAndWaitlistApiContract {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String APPOINTMENT = """
            id status start end slotId lateCancellation
            meeting { opensAt closesAt }
            proposedTime { id slotId start answerBy }
            history { from to by previousStart newStart late }
            """;
    /** A slot in a mutation's payload: what a normalised cache updates the agenda with. */
    private static final String SLOT = "id available appointment { id }";
    private static final String RESCHEDULE = "mutation($a: ID!, $s: ID!, $k: String!) { rescheduleAppointment(appointmentId: $a, slotId: $s, idempotencyKey: $k) { "
            + "appointment { " + APPOINTMENT + " } slot { " + SLOT + " } releasedSlot { " + SLOT + " } } }";

    @Autowired
    UnverifiedSessions unverifiedSessions;

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    Sweep sweep;

    Api anonymous;

    @BeforeEach
    void start() {
        clock.flowFrom(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        anonymous = Api.at(port);
    }

    @Test
    void aPatientMovesAConfirmedConsultationKeepingItsIdAndTheOldSlotFreesForOthers() {
        TestUser doctor = TestUser.doctor(anonymous);
        TestUser patient = TestUser.patient(anonymous);
        Instant first = clock.inDays(3, 9);
        Instant second = clock.inDays(4, 14);
        String from = doctor.publish(first);
        String to = doctor.publish(second);
        String id = (String) patient.book(from, key()).get("id");
        doctor.api().tester().documentName("acceptAppointment").fragmentName(SchedulingApiContract.APPOINTMENT_FIELDS).variable("id", id).execute().path("acceptAppointment.status").entity(String.class).isEqualTo("CONFIRMED");

        String moveKey = key();
        GraphQlTester.Response answer = reschedule(patient, id, to, moveKey);
        Map<String, Object> moved = answer.path("rescheduleAppointment.appointment").entity(Map.class).get();
        // both slots as the move left them, for a cached agenda: the new one taken (by this appointment), the old one free
        answer.path("rescheduleAppointment.slot").entity(Map.class).satisfies(slot -> assertThat(slot)
                .containsEntry("id", to).containsEntry("available", false).containsEntry("appointment", Map.of("id", id)));
        answer.path("rescheduleAppointment.releasedSlot").entity(Map.class).satisfies(slot -> assertThat(slot)
                .containsEntry("id", from).containsEntry("available", true).containsEntry("appointment", null));
        assertThat(moved).containsEntry("id", id).containsEntry("slotId", to).containsEntry("status", "REQUESTED")
                .containsEntry("start", iso(second));
        Map<String, Object> step = last(moved);
        assertThat(step).containsEntry("to", "REQUESTED").containsEntry("by", "PATIENT")
                .containsEntry("previousStart", iso(first)).containsEntry("newStart", iso(second));

        // the answer was lost: the same request again answers the same appointment, and moves nothing more
        Map<String, Object> again = reschedule(patient, id, to, moveKey).path("rescheduleAppointment.appointment").entity(Map.class).get();
        assertThat(again).containsEntry("id", id).containsEntry("slotId", to);
        assertThat((List<?>) again.get("history")).hasSameSizeAs((List<?>) moved.get("history"));

        assertThat(available(doctor, from)).isTrue();
        assertThat(available(doctor, to)).isFalse();
        TestUser other = TestUser.patient(anonymous);
        assertThat(other.book(from, key())).containsEntry("status", "REQUESTED");
    }

    /** One upcoming appointment per doctor holds after a move: the place counts until the new start, not the old one. */
    @Test
    void aMovedAppointmentStillCountsAgainstTheBookingLimitsUntilItsNewStart() {
        TestUser doctor = TestUser.doctor(anonymous);
        TestUser patient = TestUser.patient(anonymous);
        String id = (String) patient.book(doctor.publish(clock.inDays(1, 9)), key()).get("id");
        reschedule(patient, id, doctor.publish(clock.inDays(5, 9)), key()).path("rescheduleAppointment.appointment.id").entity(String.class).isEqualTo(id);
        doctor.api().tester().documentName("acceptAppointment").fragmentName(SchedulingApiContract.APPOINTMENT_FIELDS).variable("id", id).execute()
                .path("acceptAppointment.status").entity(String.class).isEqualTo("CONFIRMED"); // so it does not expire meanwhile

        clock.advance(Duration.ofDays(2)); // past the old start, before the new one
        GraphQlTester.Response second = book(patient, doctor.publish(clock.inDays(6, 9)));
        second.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> assertThat(error.getExtensions())
                .containsEntry("code", "BOOKING_LIMIT_REACHED").containsEntry("limit", "ONE_PER_DOCTOR")));
    }

    @Test
    void withInstantBookingRequestsAreConfirmedAtOnceAndAMoveKeepsTheMeetingOnTheNewTime() {
        TestUser doctor = TestUser.doctor(anonymous);
        rules(doctor, 0, 90, 0, 24, true);
        TestUser patient = TestUser.patient(anonymous);
        String from = doctor.publish(clock.inDays(2, 10));
        Instant later = clock.inDays(5, 16);
        String to = doctor.publish(later);
        Map<String, Object> booked = patient.book(from, key());
        assertThat(booked).containsEntry("status", "CONFIRMED");

        Map<String, Object> moved = reschedule(patient, (String) booked.get("id"), to, key()).path("rescheduleAppointment.appointment").entity(Map.class).get();
        assertThat(moved).containsEntry("status", "CONFIRMED").containsEntry("start", iso(later));
        @SuppressWarnings("unchecked")
        Map<String, Object> meeting = (Map<String, Object>) moved.get("meeting");
        assertThat(meeting).containsEntry("opensAt", iso(later.minus(Duration.ofMinutes(15))))
                .containsEntry("closesAt", iso(later.plus(Duration.ofMinutes(50))));
    }

    @Test
    void aRefusedMoveLeavesTheAppointmentWhereItWas() {
        TestUser doctor = TestUser.doctor(anonymous);
        TestUser otherDoctor = TestUser.doctor(anonymous);
        rules(doctor, 180, 30, 0, 24, false);
        TestUser patient = TestUser.patient(anonymous);
        TestUser stranger = TestUser.patient(anonymous);
        Instant start = clock.inDays(3, 9);
        String from = doctor.publish(start);
        String taken = doctor.publish(clock.inDays(3, 11));
        String soon = doctor.publish(clock.instant().plus(Duration.ofMinutes(90)).truncatedTo(ChronoUnit.MINUTES));
        String elsewhere = otherDoctor.publish(clock.inDays(3, 15));
        String id = (String) patient.book(from, key()).get("id");
        stranger.book(taken, key());

        assertCode(reschedule(patient, id, taken, key()), "SLOT_UNAVAILABLE");
        assertCode(reschedule(patient, id, elsewhere, key()), "SLOT_OF_ANOTHER_DOCTOR");
        assertCode(reschedule(patient, id, soon, key()), "BOOKING_NOTICE_TOO_SHORT");
        assertCode(reschedule(stranger, id, soon, key()), "NOT_FOUND");
        assertCode(reschedule(patient, id, UUID.randomUUID().toString(), key()), "NOT_FOUND");

        Map<String, Object> unchanged = patient.api().tester().document("query($id: ID!) { appointment(id: $id) { " + APPOINTMENT + " } }")
                .variable("id", id).execute().path("appointment").entity(Map.class).get();
        assertThat(unchanged).containsEntry("slotId", from).containsEntry("status", "REQUESTED").containsEntry("start", iso(start));
        assertThat(available(otherDoctor, elsewhere)).isTrue(); // no refused step claimed a slot
        assertCode(reschedule(patient, id, from, key()), "BAD_USER_INPUT"); // already there

        // a slot that has started, then an appointment that has ended: refused, nothing moves
        String past = doctor.publish(clock.instant().plus(Duration.ofHours(4)).truncatedTo(ChronoUnit.MINUTES));
        clock.advance(Duration.ofHours(5));
        assertCode(reschedule(patient, id, past, key()), "SLOT_UNAVAILABLE");
        cancel(patient, id);
        String free = doctor.publish(clock.inDays(4, 9));
        assertCode(reschedule(patient, id, free, key()), "INVALID_APPOINTMENT_STATE");
        assertThat(available(doctor, free)).isTrue();
    }

    @Test
    void bookingRulesAreCheckedShownOnTheProfileAndOnlyTheDoctorSetsThem() {
        TestUser doctor = TestUser.doctor(anonymous);
        TestUser patient = TestUser.patient(anonymous);
        assertThat(rules(doctor, 120, 14, 10, 48, false)).containsEntry("minimumNoticeMinutes", 120).containsEntry("maximumAdvanceDays", 14);

        Map<String, Object> shown = anonymous.tester().document("query($id: ID!) { doctor(id: $id) { bookingRules { minimumNoticeMinutes maximumAdvanceDays bufferMinutes lateCancellationNoticeHours instantBooking } } }")
                .variable("id", doctor.id()).execute().path("doctor.bookingRules").entity(Map.class).get();
        assertThat(shown).containsEntry("minimumNoticeMinutes", 120).containsEntry("maximumAdvanceDays", 14)
                .containsEntry("bufferMinutes", 10).containsEntry("lateCancellationNoticeHours", 48).containsEntry("instantBooking", false);

        String tooSoon = doctor.publish(clock.instant().plus(Duration.ofMinutes(60)).truncatedTo(ChronoUnit.MINUTES));
        String tooFar = doctor.publish(clock.inDays(20, 10));
        assertCode(book(patient, tooSoon), "BOOKING_NOTICE_TOO_SHORT");
        assertCode(book(patient, tooFar), "BOOKING_TOO_FAR_AHEAD");
        // the public agenda shows only slots the rules let patients book
        assertThat(available(doctor, tooSoon)).isFalse();
        assertThat(available(doctor, tooFar)).isFalse();

        // the 10-minute buffer applies when publishing: a slot 5 minutes after another's end is refused
        Instant nine = clock.inDays(2, 9);
        doctor.publish(nine);
        GraphQlTester.Response tooClose = doctor.api().document("publishSlots")
                .variable("slots", List.of(Map.of("start", nine.plus(Duration.ofMinutes(55)).toString()))).execute();
        assertCode(tooClose, "SLOT_WITHIN_BUFFER");

        assertCode(rulesResponse(doctor, -1, 14, 0, 24, false), "BAD_USER_INPUT");
        assertCode(rulesResponse(doctor, 120, 91, 0, 24, false), "BAD_USER_INPUT");
        assertCode(rulesResponse(patient, 0, 14, 0, 24, false), "WRONG_ROLE");
        assertCode(rulesResponse(anonymous, 0, 14, 0, 24, false), "UNAUTHENTICATED");
        assertThat(rules(doctor, 120, 14, 10, 48, false)).containsEntry("bufferMinutes", 10); // unchanged by the refusals
    }

    @Test
    void aCancellationInsideTheDoctorsNoticeIsRecordedAsLateAndTheDoctorSeesIt() {
        TestUser doctor = TestUser.doctor(anonymous);
        rules(doctor, 0, 90, 0, 48, false);
        TestUser patient = TestUser.patient(anonymous);
        // one upcoming appointment per doctor: the first is cancelled before the second is booked
        String soon = (String) patient.book(doctor.publish(clock.inDays(1, 10)), key()).get("id");
        assertThat(cancel(patient, soon)).containsEntry("lateCancellation", true);
        String later = (String) patient.book(doctor.publish(clock.inDays(6, 10)), key()).get("id");
        Map<String, Object> inTime = cancel(patient, later);
        assertThat(inTime).containsEntry("lateCancellation", false);
        assertThat(last(inTime)).containsEntry("late", false);

        Map<String, Object> seenByDoctor = doctor.api().tester().document("query($id: ID!) { appointment(id: $id) { " + APPOINTMENT + " } }")
                .variable("id", soon).execute().path("appointment").entity(Map.class).get();
        assertThat(seenByDoctor).containsEntry("status", "CANCELLED").containsEntry("lateCancellation", true);
        assertThat(last(seenByDoctor)).containsEntry("late", true).containsEntry("by", "PATIENT");
    }

    @Test
    void theDoctorProposesANewTimeThePatientIsToldAndAcceptsOrDeclines() {
        TestUser doctor = TestUser.doctor(anonymous);
        TestUser patient = TestUser.patient(anonymous);
        String email = patientEmail(patient);
        Instant start = clock.inDays(3, 9);
        Instant proposed = clock.inDays(3, 15);
        String startSlot = doctor.publish(start);
        String id = (String) patient.book(startSlot, key()).get("id");
        String proposedSlot = doctor.publish(proposed);

        GraphQlTester.Response proposing = propose(doctor, id, proposedSlot);
        Map<String, Object> offered = proposing.path("proposeNewTime.appointment").entity(Map.class).get();
        proposing.path("proposeNewTime.proposedSlot").entity(Map.class).satisfies(slot -> assertThat(slot)
                .containsEntry("id", proposedSlot).containsEntry("available", false));
        proposing.path("proposeNewTime.slot").entity(Map.class).satisfies(slot -> assertThat(slot)
                .containsEntry("id", startSlot).containsEntry("available", false).containsEntry("appointment", Map.of("id", id)));
        @SuppressWarnings("unchecked")
        Map<String, Object> proposal = (Map<String, Object>) offered.get("proposedTime");
        assertThat(proposal).containsEntry("slotId", proposedSlot).containsEntry("start", iso(proposed));
        assertThat(available(doctor, proposedSlot)).isFalse(); // held for this patient while they decide
        assertThat(anonymous.mailbox().await(email, "Novo horário proposto").get("text").toString()).doesNotContain("meet.jit.si");
        assertCode(propose(patient, id, proposedSlot), "WRONG_ROLE");

        Map<String, Object> acceptance = respond(patient, id, true);
        Map<String, Object> accepted = SchedulingApiContract.map(acceptance.get("appointment"));
        // the consultation's new slot taken, its old one free again: both in the answer
        assertThat(SchedulingApiContract.map(acceptance.get("slot"))).containsEntry("id", proposedSlot).containsEntry("available", false);
        assertThat(SchedulingApiContract.map(acceptance.get("releasedSlot"))).containsEntry("id", startSlot).containsEntry("available", true);
        assertThat(accepted).containsEntry("slotId", proposedSlot).containsEntry("start", iso(proposed))
                .containsEntry("status", "REQUESTED").containsEntry("proposedTime", null);

        // a second proposal, declined: the appointment stays, the proposed slot is free again
        String another = doctor.publish(clock.inDays(4, 9));
        propose(doctor, id, another).path("proposeNewTime.appointment.proposedTime.slotId").entity(String.class).isEqualTo(another);
        Map<String, Object> refusal = respond(patient, id, false);
        Map<String, Object> declined = SchedulingApiContract.map(refusal.get("appointment"));
        assertThat(SchedulingApiContract.map(refusal.get("releasedSlot"))).containsEntry("id", another).containsEntry("available", true);
        assertThat(declined).containsEntry("slotId", proposedSlot).containsEntry("proposedTime", null);
        assertThat(available(doctor, another)).isTrue();
        assertCode(patient.api().tester().document("mutation($a: ID!) { respondToProposedTime(appointmentId: $a, accept: true) { appointment { id } } }")
                .variable("a", id).execute(), "NO_PENDING_PROPOSAL");
    }

    @Test
    void aProposalOrItsAnswerSentAgainAfterALostResponseAnswersAsTheFirstDidAndNeverAnswersANewerProposal() {
        TestUser doctor = TestUser.doctor(anonymous);
        TestUser patient = TestUser.patient(anonymous);
        String email = patientEmail(patient);
        String id = (String) patient.book(doctor.publish(clock.inDays(3, 9)), key()).get("id");
        String first = doctor.publish(clock.inDays(3, 15));

        String firstProposal = propose(doctor, id, first).path("proposeNewTime.appointment.proposedTime.id").entity(String.class).get();
        propose(doctor, id, first).path("proposeNewTime.appointment.proposedTime.id").entity(String.class).isEqualTo(firstProposal);
        Map<String, Object> accepted = respond(patient, id, true, firstProposal);
        Map<String, Object> acceptedAgain = respond(patient, id, true, firstProposal);
        assertThat(acceptedAgain).containsEntry("slotId", first).containsEntry("proposedTime", null)
                .containsEntry("status", accepted.get("status"));
        propose(doctor, id, first).path("proposeNewTime.appointment.slotId").entity(String.class).isEqualTo(first);
        assertThat(anonymous.mailbox().subjects(email).stream().filter(s -> s.startsWith("Novo horário proposto")))
                .as("one proposal, told once").hasSize(1);

        // declined, then the same slot proposed again: a late copy of the refusal does not refuse the new proposal
        String second = doctor.publish(clock.inDays(4, 9));
        String declinedProposal = propose(doctor, id, second).path("proposeNewTime.appointment.proposedTime.id").entity(String.class).get();
        respond(patient, id, false, declinedProposal);
        assertThat(respond(patient, id, false, declinedProposal)).containsEntry("slotId", first).containsEntry("proposedTime", null);
        String again = propose(doctor, id, second).path("proposeNewTime.appointment.proposedTime.id").entity(String.class).get();
        assertThat(again).as("a new proposal of the same slot").isNotEqualTo(declinedProposal);
        Map<String, Object> lateCopy = respond(patient, id, false, declinedProposal);
        @SuppressWarnings("unchecked")
        Map<String, Object> stillWaiting = (Map<String, Object>) lateCopy.get("proposedTime");
        assertThat(stillWaiting).as("the new proposal still waits").containsEntry("id", again).containsEntry("slotId", second);
        assertCode(respondTo(patient, id, true, declinedProposal), "NO_PENDING_PROPOSAL");
        assertThat(respond(patient, id, true, again)).containsEntry("slotId", second);
    }

    @Test
    void aFreedSlotGoesToTheFirstWaiterAloneWhoIsEmailedAndTakesIt() {
        TestUser doctor = TestUser.doctor(anonymous);
        TestUser holder = TestUser.patient(anonymous);
        TestUser first = TestUser.patient(anonymous);
        TestUser second = TestUser.patient(anonymous);
        TestUser latecomer = TestUser.patient(anonymous);
        Instant start = clock.inDays(5, 10);
        String slot = doctor.publish(start);
        String held = (String) holder.book(slot, key()).get("id");
        join(first, doctor, clock.inDays(4, 0), clock.inDays(7, 0));
        join(second, doctor, clock.inDays(4, 0), clock.inDays(7, 0));
        assertThat(waitlist(first)).hasSize(1);

        Map<String, Object> cancelled = cancelAnswer(holder, held);
        // never free in between: the cancellation itself handed the slot to the first waiter, and its answer
        // shows the slot taken without showing the holder whose offer it now is
        assertThat(SchedulingApiContract.map(cancelled.get("slot"))).containsEntry("id", slot).containsEntry("available", false)
                .containsEntry("appointment", null);
        assertCode(book(latecomer, slot), "SLOT_UNAVAILABLE");
        Map<String, Object> offer = awaitOffer(first);
        assertThat(offer).containsEntry("slotId", slot).containsEntry("start", iso(start));
        assertThat(anonymous.mailbox().await(patientEmail(first), "Horário disponível para você").get("text").toString()).contains(doctor.name());
        assertThat(offers(second)).isEmpty();
        assertCode(book(latecomer, slot), "SLOT_UNAVAILABLE"); // held for the first waiter while the offer is open
        assertCode(accept(second, (String) offer.get("id")), "NOT_FOUND");

        Map<String, Object> taken = accept(first, (String) offer.get("id")).path("acceptWaitlistOffer").entity(Map.class).get();
        assertThat(taken).containsEntry("id", offer.get("id")).containsEntry("status", "REQUESTED");
        assertThat(waitlist(first)).isEmpty(); // their entry for this doctor ended with the booking
        assertThat(waitlist(second)).hasSize(1);
        // the answer was lost: accepting again is a retry, answered with the same request
        assertThat(accept(first, (String) offer.get("id")).path("acceptWaitlistOffer").entity(Map.class).get())
                .containsEntry("id", offer.get("id")).containsEntry("status", "REQUESTED");
    }

    @Test
    void anUnansweredOfferPassesToTheNextWaiterAndADeclinedLastOneFreesTheSlot() {
        TestUser doctor = TestUser.doctor(anonymous);
        TestUser holder = TestUser.patient(anonymous);
        TestUser first = TestUser.patient(anonymous);
        TestUser second = TestUser.patient(anonymous);
        String slot = doctor.publish(clock.inDays(5, 11));
        String held = (String) holder.book(slot, key()).get("id");
        join(first, doctor, clock.inDays(4, 0), clock.inDays(7, 0));
        join(second, doctor, clock.inDays(4, 0), clock.inDays(7, 0));
        cancel(holder, held);
        Map<String, Object> lapsing = awaitOffer(first);

        clock.advance(Duration.ofMinutes(16)); // the 15-minute offer lapses; the sweep stores that and passes it on
        sweep.run();
        Map<String, Object> next = awaitOffer(second);
        assertThat(next).containsEntry("slotId", slot);
        assertCode(accept(first, (String) lapsing.get("id")), "INVALID_APPOINTMENT_STATE");

        second.api().tester().document("mutation($a: ID!) { declineWaitlistOffer(appointmentId: $a) { appointment { status } slot { " + SLOT + " } } }")
                .variable("a", next.get("id")).execute().path("declineWaitlistOffer.appointment.status").entity(String.class).isEqualTo("CANCELLED")
                .path("declineWaitlistOffer.slot.id").entity(String.class).isEqualTo(slot);
        // nobody else waits: the slot is anyone's again
        awaitAvailable(doctor, slot);
        assertThat(TestUser.patient(anonymous).book(slot, key())).containsEntry("status", "REQUESTED");
    }

    @Test
    void theWaitlistRefusesBadPeriodsDuplicatesTooManyDoctorsAndPatientsWhoCouldNotBook() {
        TestUser doctor = TestUser.doctor(anonymous);
        TestUser patient = TestUser.patient(anonymous);
        assertCode(joinResponse(patient, doctor.id(), clock.inDays(5, 0), clock.inDays(4, 0)), "INVALID_WAITLIST_WINDOW");
        assertCode(joinResponse(patient, doctor.id(), clock.inDays(-3, 0), clock.inDays(-2, 0)), "INVALID_WAITLIST_WINDOW");
        assertCode(joinResponse(patient, doctor.id(), clock.inDays(1, 0), clock.inDays(40, 0)), "INVALID_WAITLIST_WINDOW");
        assertCode(joinResponse(patient, UUID.randomUUID().toString(), clock.inDays(1, 0), clock.inDays(2, 0)), "NOT_FOUND");
        assertCode(joinResponse(doctor, doctor.id(), clock.inDays(1, 0), clock.inDays(2, 0)), "WRONG_ROLE");

        Map<String, Object> entry = join(patient, doctor, clock.inDays(1, 0), clock.inDays(3, 0));
        assertThat(join(patient, doctor, clock.inDays(1, 0), clock.inDays(3, 0))).containsEntry("id", entry.get("id")); // the same request again
        assertCode(joinResponse(patient, doctor.id(), clock.inDays(2, 0), clock.inDays(4, 0)), "WAITLIST_DUPLICATE");
        join(patient, TestUser.doctor(anonymous), clock.inDays(1, 0), clock.inDays(3, 0));
        join(patient, TestUser.doctor(anonymous), clock.inDays(1, 0), clock.inDays(3, 0));
        assertCode(joinResponse(patient, TestUser.doctor(anonymous).id(), clock.inDays(1, 0), clock.inDays(3, 0)), "WAITLIST_LIMIT_REACHED");
        assertThat(waitlist(patient)).hasSize(3);
        patient.api().tester().document("mutation($d: ID!) { leaveWaitlist(doctorId: $d) }").variable("d", doctor.id())
                .execute().path("leaveWaitlist").entity(Boolean.class).isEqualTo(true);
        assertThat(waitlist(patient)).hasSize(2);

        // one who may not book would hold an offered slot for nothing: refused at the door
        Map<String, Object> unverified = unverifiedSessions.register(Api.newPatient());
        assertCode(joinResponse(new TestUser("", "", (String) unverified.get("accessToken"), anonymous.as((String) unverified.get("accessToken"))),
                doctor.id(), clock.inDays(1, 0), clock.inDays(3, 0)), "EMAIL_NOT_VERIFIED");
    }

    // --- helpers -------------------------------------------------------------------------------

    private GraphQlTester.Response reschedule(TestUser patient, String appointment, String slot, String key) {
        return patient.api().tester().document(RESCHEDULE).variable("a", appointment).variable("s", slot).variable("k", key).execute();
    }

    private GraphQlTester.Response propose(TestUser who, String appointment, String slot) {
        return who.api().tester().document("mutation($a: ID!, $s: ID!) { proposeNewTime(appointmentId: $a, slotId: $s) { appointment { " + APPOINTMENT
                        + " } slot { " + SLOT + " } proposedSlot { " + SLOT + " } } }")
                .variable("a", appointment).variable("s", slot).execute();
    }

    private Map<String, Object> respond(TestUser patient, String appointment, boolean accept, String proposal) {
        return respondTo(patient, appointment, accept, proposal).path("respondToProposedTime.appointment").entity(Map.class).get();
    }

    private GraphQlTester.Response respondTo(TestUser patient, String appointment, boolean accept, String proposal) {
        return patient.api().tester().document("mutation($a: ID!, $y: Boolean!, $p: ID) { respondToProposedTime(appointmentId: $a, accept: $y, proposalId: $p) { "
                        + "appointment { " + APPOINTMENT + " } slot { " + SLOT + " } releasedSlot { " + SLOT + " } } }")
                .variable("a", appointment).variable("y", accept).variable("p", proposal).execute();
    }

    /** The whole payload of an answer to a proposal (without proposalId): the appointment and both slots. */
    private Map<String, Object> respond(TestUser patient, String appointment, boolean accept) {
        return patient.api().tester().document("mutation($a: ID!, $y: Boolean!) { respondToProposedTime(appointmentId: $a, accept: $y) { "
                        + "appointment { " + APPOINTMENT + " } slot { " + SLOT + " } releasedSlot { " + SLOT + " } } }")
                .variable("a", appointment).variable("y", accept).execute().path("respondToProposedTime").entity(Map.class).get();
    }

    private GraphQlTester.Response book(TestUser patient, String slot) {
        return patient.api().tester().document("mutation($s: ID!, $k: String!) { bookAppointment(slotId: $s, idempotencyKey: $k) { appointment { id } } }")
                .variable("s", slot).variable("k", key()).execute();
    }

    private Map<String, Object> cancel(TestUser who, String appointment) {
        return SchedulingApiContract.map(cancelAnswer(who, appointment).get("appointment"));
    }

    /** The whole payload of a cancellation: the appointment and its slot. */
    private Map<String, Object> cancelAnswer(TestUser who, String appointment) {
        return who.api().tester().document("mutation($id: ID!, $j: String!) { cancelAppointment(id: $id, justification: $j) { "
                        + "appointment { " + APPOINTMENT + " } slot { " + SLOT + " } } }")
                .variable("id", appointment).variable("j", "Tive um imprevisto no trabalho e não poderei ir.").execute()
                .path("cancelAppointment").entity(Map.class).get();
    }

    private Map<String, Object> rules(TestUser doctor, int notice, int advance, int buffer, int late, boolean instant) {
        return rulesResponse(doctor.api(), notice, advance, buffer, late, instant).path("updateBookingRules").entity(Map.class).get();
    }

    private GraphQlTester.Response rulesResponse(TestUser who, int notice, int advance, int buffer, int late, boolean instant) {
        return rulesResponse(who.api(), notice, advance, buffer, late, instant);
    }

    private GraphQlTester.Response rulesResponse(Api api, int notice, int advance, int buffer, int late, boolean instant) {
        return api.tester().document("mutation($i: BookingRulesInput!) { updateBookingRules(input: $i) { minimumNoticeMinutes maximumAdvanceDays bufferMinutes lateCancellationNoticeHours instantBooking } }")
                .variable("i", Map.of("minimumNoticeMinutes", notice, "maximumAdvanceDays", advance, "bufferMinutes", buffer,
                        "lateCancellationNoticeHours", late, "instantBooking", instant)).execute();
    }

    private Map<String, Object> join(TestUser patient, TestUser doctor, Instant from, Instant to) {
        return joinResponse(patient, doctor.id(), from, to).path("joinWaitlist").entity(Map.class).get();
    }

    private GraphQlTester.Response joinResponse(TestUser patient, String doctorId, Instant from, Instant to) {
        return patient.api().tester().document("mutation($d: ID!, $f: DateTime!, $t: DateTime!) { joinWaitlist(doctorId: $d, from: $f, to: $t) { id from to joinedAt } }")
                .variable("d", doctorId).variable("f", from.toString()).variable("t", to.toString()).execute();
    }

    private List<?> waitlist(TestUser patient) {
        return patient.api().tester().document("{ myWaitlist { id } }").execute().path("myWaitlist").entity(List.class).get();
    }

    private GraphQlTester.Response accept(TestUser patient, String offer) {
        return patient.api().tester().document("mutation($a: ID!) { acceptWaitlistOffer(appointmentId: $a) { " + APPOINTMENT + " } }")
                .variable("a", offer).execute();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> offers(TestUser patient) {
        List<Map<String, Object>> edges = patient.api().tester().document("{ myAppointments(status: OFFERED) { edges { node { id slotId start status } } } }")
                .execute().path("myAppointments.edges").entity(List.class).get();
        return edges.stream().map(edge -> (Map<String, Object>) edge.get("node")).toList();
    }

    /** The offer the relay makes in the background: polled for, with a deadline. */
    private Map<String, Object> awaitOffer(TestUser patient) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            Optional<Map<String, Object>> offer = offers(patient).stream().findFirst();
            if (offer.isPresent()) {
                return offer.get();
            }
            assertThat(System.nanoTime()).as("no waitlist offer reached the patient within " + PATIENCE).isLessThan(deadline);
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos()); // polling, not timing
        }
    }

    private void awaitAvailable(TestUser doctor, String slot) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!available(doctor, slot)) {
            assertThat(System.nanoTime()).as("the slot did not free within " + PATIENCE).isLessThan(deadline);
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

    @SuppressWarnings("unchecked")
    private boolean available(TestUser doctor, String slot) {
        List<Map<String, Object>> agenda = anonymous.document("doctorAgenda").variable("doctorId", doctor.id())
                .variable("from", clock.instant().toString()).variable("to", clock.instant().plus(Duration.ofDays(30)).toString())
                .execute().path("doctorAgenda").entity(List.class).get();
        return agenda.stream().anyMatch(s -> slot.equals(s.get("id")) && Boolean.TRUE.equals(s.get("available")));
    }

    private String patientEmail(TestUser patient) {
        return patient.api().tester().document("{ me { ... on Patient { email } } }").execute().path("me.email").entity(String.class).get();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> last(Map<String, Object> appointment) {
        List<Map<String, Object>> history = (List<Map<String, Object>>) appointment.get("history");
        return history.get(history.size() - 1);
    }

    private static void assertCode(GraphQlTester.Response response, String code) {
        response.errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", code)));
    }

    /** How the API writes a DateTime (UTC, milliseconds). */
    private static String iso(Instant instant) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSX").withZone(ZoneOffset.UTC).format(instant);
    }

    private static String key() {
        return "key-" + UUID.randomUUID();
    }
}
