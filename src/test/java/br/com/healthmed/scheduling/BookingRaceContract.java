package br.com.healthmed.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import br.com.healthmed.consent.TeleconsultationConsent;
import br.com.healthmed.identity.AccountId;
import br.com.healthmed.identity.AccountStore;
import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.ErrorCode;
import br.com.healthmed.platform.error.PlatformErrors;
import br.com.healthmed.platform.security.Role;
import br.com.healthmed.support.Concurrently;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The booking use cases under races, through the services and on every storage adapter: one slot,
 * hundreds of patients, exactly one appointment; a request racing its own retries makes one
 * appointment; the doctor's answer racing the patient's cancellation ends in one consistent state;
 * a freed slot is really free; the doctor's agenda edits (move, remove, block, republish) never take a
 * booked slot away. Doctors and patients are stored directly (patients as having verified their e-mail).
 */
@SpringBootTest(properties = "healthmed.scheduling.sweep-interval=P1D")
abstract class BookingRaceContract {

    static final String JUSTIFICATION = "Something came up at work, sorry";

    @Autowired
    Booking booking;

    /** Patients book only with the teleconsultation consent accepted ({@link ConsentRequired}). */
    @Autowired
    TeleconsultationConsent consent;

    @Autowired
    AppointmentLifecycle lifecycle;

    @Autowired
    Agenda agenda;

    @Autowired
    AppointmentQueries queries;

    @Autowired
    SlotStore slots;

    @Autowired
    AccountStore accounts;

    @Autowired
    Rescheduling rescheduling;

    @Autowired
    AppointmentStore appointmentStore;

    final Instant day = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(3));

    /** How often each two-party race is run; each run is a new appointment. */
    protected int repetitions() {
        return 30;
    }

    AccountId doctor() {
        return TestDoctors.stored(accounts, Instant.now());
    }

    List<SlotId> publish(AccountId doctor, int count) {
        List<Agenda.NewSlot> wanted = IntStream.range(0, count)
                .mapToObj(i -> new Agenda.NewSlot(day.plus(Duration.ofHours(i)), Optional.empty())).toList();
        return agenda.publish(doctor, wanted).stream().map(s -> s.slot().id()).toList();
    }

    SlotId publishOne(AccountId doctor) {
        return publish(doctor, 1).get(0);
    }

    List<Appointment> appointmentsOf(AccountId account, Role role) {
        return queries.of(account, role, Optional.empty(), day.minus(Duration.ofDays(1)), day.plus(Duration.ofDays(3)), 100,
                Optional.empty()).appointments();
    }

    Optional<AppointmentId> holder(SlotId slot) {
        return slots.find(slot).orElseThrow().hold().map(Slot.Hold::appointmentId);
    }

    boolean listedFree(AccountId doctor, SlotId slot) {
        return agenda.freeSlots(doctor, day.minus(Duration.ofDays(1)), day.plus(Duration.ofDays(3))).stream()
                .anyMatch(s -> s.slot().id().equals(slot));
    }

    static ErrorCode code(Object result) {
        assertThat(result).isInstanceOf(DomainException.class);
        return ((DomainException) result).code();
    }

    @Test
    void ofTwoHundredConcurrentBookingsOfOneSlotExactlyOneIsMadeAndEveryOtherIsToldTheSlotIsUnavailable() throws Exception {
        AccountId doctor = doctor();
        SlotId slot = publishOne(doctor);
        List<AccountId> patients = IntStream.range(0, 200).mapToObj(i -> TestPatients.eligible(accounts, consent)).toList();

        List<Object> results = Concurrently.run(200, i -> () -> booking.book(patients.get(i), slot, "booking-" + i));

        List<Appointment> made = results.stream().filter(Appointment.class::isInstance).map(Appointment.class::cast).toList();
        assertThat(made).as("appointments made").hasSize(1);
        List<Object> refused = results.stream().filter(r -> !(r instanceof Appointment)).toList();
        assertThat(refused).hasSize(199).allSatisfy(r -> assertThat(code(r)).isEqualTo(SchedulingErrors.SLOT_UNAVAILABLE));
        Appointment winner = made.get(0);
        assertThat(winner.status()).isEqualTo(AppointmentStatus.REQUESTED);
        assertThat(appointmentsOf(doctor, Role.DOCTOR)).containsExactly(winner);
        assertThat(holder(slot)).contains(winner.id());
        assertThat(listedFree(doctor, slot)).isFalse();
        for (AccountId patient : patients) {
            assertThat(appointmentsOf(patient, Role.PATIENT)).hasSize(patient.equals(winner.patientId()) ? 1 : 0);
        }
    }

    @Test
    void ofTwoHundredConcurrentReschedulesOntoOneSlotOneMovesAndEveryOtherPatientKeepsTheirAppointment() throws Exception {
        AccountId doctor = doctor();
        // 201 slots of 10 minutes, 15 minutes apart: all within the window the helpers read
        List<SlotId> slotIds = agenda.publish(doctor, IntStream.range(0, 201).mapToObj(i -> new Agenda.NewSlot(
                        day.plus(Duration.ofMinutes(15L * i)), Optional.of(day.plus(Duration.ofMinutes(15L * i + 10)))))
                .toList()).stream().map(s -> s.slot().id()).toList();
        SlotId target = slotIds.get(200);
        // 200 requests, stored as a booking leaves them (its claim and its appointment; Booking's own races are above)
        Instant now = Instant.now();
        List<Object> bookings = Concurrently.run(200, i -> () -> {
            Slot slot = slots.find(slotIds.get(i)).orElseThrow();
            Appointment request = Appointment.requested(AppointmentId.random(), slot, AccountId.random(), Optional.empty(), now,
                    now.plus(Duration.ofHours(1)), BookingOrigin.UNKNOWN);
            slots.claim(slot.id(), new Slot.Hold(request.id(), request.patientId(), "first-" + i, now), Optional.empty());
            appointmentStore.create(request);
            return request;
        });
        List<Appointment> booked = bookings.stream().map(Appointment.class::cast).toList();

        List<Object> results = Concurrently.run(200, i -> () ->
                rescheduling.reschedule(booked.get(i).patientId(), booked.get(i).id(), target, "move-" + i));

        List<Appointment> moved = results.stream().filter(Appointment.class::isInstance).map(Appointment.class::cast).toList();
        assertThat(moved).as("reschedules that won").hasSize(1);
        assertThat(results.stream().filter(r -> !(r instanceof Appointment)).toList()).hasSize(199)
                .allSatisfy(r -> assertThat(code(r)).isEqualTo(SchedulingErrors.SLOT_UNAVAILABLE));
        Appointment winner = moved.get(0);
        int winnerIndex = results.indexOf(winner);
        Appointment before = booked.get(winnerIndex);
        assertThat(winner.id()).isEqualTo(before.id());
        assertThat(winner.slotId()).isEqualTo(target);
        assertThat(winner.history()).hasSize(2).last().satisfies(step -> {
            assertThat(AppointmentEvent.kindOf(step)).isEqualTo(AppointmentEventKind.RESCHEDULED);
            assertThat(step.move().orElseThrow().fromStart()).isEqualTo(before.start());
            assertThat(step.move().orElseThrow().toStart()).isEqualTo(winner.start());
        });
        assertThat(holder(target)).contains(winner.id());
        assertThat(holder(before.slotId())).as("the slot the winner left").isEmpty();
        assertThat(listedFree(doctor, before.slotId())).isTrue();
        for (int i = 0; i < 200; i++) {
            if (i == winnerIndex) {
                continue;
            }
            Appointment original = booked.get(i);
            Appointment stored = appointmentStore.find(original.id()).orElseThrow();
            assertThat(stored.slotId()).isEqualTo(original.slotId());
            assertThat(stored.status()).isEqualTo(AppointmentStatus.REQUESTED);
            assertThat(stored.history()).isEqualTo(original.history());
            assertThat(stored.pendingMove()).isEmpty();
            assertThat(holder(original.slotId())).contains(original.id());
        }
        assertThat(appointmentStore.ofDoctor(doctor, day.minus(Duration.ofDays(1)), day.plus(Duration.ofDays(3)), Optional.empty(), 1000)
                .appointments()).as("no appointment made or lost").hasSize(200);
    }

    /**
     * Copies of one reschedule, other reschedules of the same appointment and the doctor's proposal of
     * the same slot, all at once: whatever wins, the appointment ends on a slot it holds (a move onto
     * the slot it already has must never free that slot), nothing else holds for it, and nobody else can
     * book the slot it is on. Ten rounds, for the interleavings.
     */
    @Test
    void copiesOfOneRescheduleRacingOtherMovesOfTheSameAppointmentLeaveItOnASlotItHolds() throws Exception {
        for (int n = 0; n < 10; n++) {
            int round = n;
            AccountId doctor = doctor();
            List<SlotId> slotIds = publish(doctor, 3);
            AccountId patient = TestPatients.eligible(accounts, consent);
            Appointment booked = booking.book(patient, slotIds.get(0), "first-" + round);
            SlotId target = slotIds.get(1);
            SlotId other = slotIds.get(2);
            String key = "the-move-" + round;
            List<Object> results = Concurrently.run(12, i -> () -> switch (i % 4) {
                case 0, 1 -> rescheduling.reschedule(patient, booked.id(), target, key);
                case 2 -> rescheduling.reschedule(patient, booked.id(), i < 6 ? other : target, "another-" + round + "-" + i);
                default -> rescheduling.proposeNewTime(doctor, booked.id(), target);
            });
            assertThat(results).as("no unexpected failure").allSatisfy(r -> {
                if (!(r instanceof Appointment)) {
                    assertThat(code(r)).isIn(SchedulingErrors.SLOT_UNAVAILABLE, SchedulingErrors.MOVE_IN_PROGRESS, PlatformErrors.SERVICE_BUSY,
                            PlatformErrors.BAD_USER_INPUT, PlatformErrors.IDEMPOTENCY_KEY_REUSED);
                }
            });
            Appointment stored = appointmentStore.find(booked.id()).orElseThrow();
            assertThat(holder(stored.slotId())).as("round %d: the slot the appointment is on is held by it", round).contains(booked.id());
            for (SlotId slot : slotIds) {
                boolean pendingThere = stored.pendingMove().filter(p -> p.slot().equals(slot)).isPresent();
                if (!slot.equals(stored.slotId()) && !pendingThere) { // a proposal still waiting holds its slot, rightly
                    assertThat(holder(slot)).as("round %d: a slot it is neither on nor moving to", round).isEmpty();
                }
            }
            AccountId intruder = TestPatients.eligible(accounts, consent);
            List<Object> intrusion = Concurrently.run(1, i -> () -> booking.book(intruder, stored.slotId(), "intruder-" + round));
            assertThat(code(intrusion.get(0))).isEqualTo(SchedulingErrors.SLOT_UNAVAILABLE);
        }
    }

    @Test
    void theSameRequestSentTwentyTimesAtOnceMakesOneAppointmentAndEveryCopyGetsIt() throws Exception {
        AccountId doctor = doctor();
        SlotId slot = publishOne(doctor);
        AccountId patient = TestPatients.eligible(accounts, consent);

        List<Object> results = Concurrently.run(20, i -> () -> booking.book(patient, slot, "the-one-request"));

        assertThat(appointmentsOf(patient, Role.PATIENT)).hasSize(1);
        Appointment stored = appointmentsOf(patient, Role.PATIENT).get(0);
        assertThat(results).as("every copy of the request answers with the appointment").allSatisfy(r ->
                assertThat(r).isInstanceOf(Appointment.class).extracting(a -> ((Appointment) a).id()).isEqualTo(stored.id()));
        assertThat(holder(slot)).contains(stored.id());
        assertThat(booking.book(patient, slot, "the-one-request")).isEqualTo(stored);
    }

    @Test
    void theDoctorAcceptingWhileThePatientCancelsAlwaysEndsCancelledWithTheSlotFree() throws Exception {
        AccountId doctor = doctor();
        List<SlotId> slotIds = publish(doctor, repetitions());
        for (SlotId slot : slotIds) {
            AccountId patient = TestPatients.eligible(accounts, consent);
            Appointment booked = booking.book(patient, slot, "k");

            List<Object> results = Concurrently.run(2, i -> () -> i == 0
                    ? lifecycle.accept(doctor, booked.id())
                    : lifecycle.cancel(patient, Role.PATIENT, booked.id(), JUSTIFICATION));

            Appointment stored = lifecycle.visibleTo(patient, booked.id());
            assertThat(results.get(1)).as("the patient's cancellation %s", results).isInstanceOf(Appointment.class);
            assertThat(stored.status()).isEqualTo(AppointmentStatus.CANCELLED);
            if (results.get(0) instanceof Appointment) {
                // accept landed first, then the cancellation
                assertThat(stored.history()).extracting(Appointment.Transition::to).containsExactly(
                        AppointmentStatus.REQUESTED, AppointmentStatus.CONFIRMED, AppointmentStatus.CANCELLED);
            } else {
                assertThat(code(results.get(0))).isEqualTo(SchedulingErrors.INVALID_APPOINTMENT_STATE);
                assertThat(((DomainException) results.get(0)).extensions()).containsEntry("currentStatus", "CANCELLED");
                assertThat(stored.history()).extracting(Appointment.Transition::to).containsExactly(
                        AppointmentStatus.REQUESTED, AppointmentStatus.CANCELLED);
            }
            assertThat(holder(slot)).as("slot of %s", stored).isEmpty();
            assertThat(listedFree(doctor, slot)).isTrue();
        }
    }

    @Test
    void theDoctorAcceptingWhileRejectingEndsInExactlyOneOfThemWithTheSlotHeldOnlyIfConfirmed() throws Exception {
        AccountId doctor = doctor();
        for (SlotId slot : publish(doctor, Math.max(1, repetitions() * 2 / 3))) {
            Appointment booked = booking.book(TestPatients.eligible(accounts, consent), slot, "k");

            List<Object> results = Concurrently.run(2, i -> () -> i == 0
                    ? lifecycle.accept(doctor, booked.id())
                    : lifecycle.reject(doctor, booked.id(), "I will be away that day"));

            assertThat(results).as("results").filteredOn(Appointment.class::isInstance).hasSize(1);
            Object loser = results.stream().filter(r -> !(r instanceof Appointment)).findFirst().orElseThrow();
            assertThat(code(loser)).isEqualTo(SchedulingErrors.INVALID_APPOINTMENT_STATE);
            Appointment stored = lifecycle.visibleTo(doctor, booked.id());
            assertThat(((DomainException) loser).extensions()).containsEntry("currentStatus", stored.status().name());
            assertThat(stored.history()).hasSize(2);
            if (stored.status() == AppointmentStatus.CONFIRMED) {
                assertThat(holder(slot)).contains(booked.id());
                assertThat(listedFree(doctor, slot)).isFalse();
            } else {
                assertThat(stored.status()).isEqualTo(AppointmentStatus.REJECTED);
                assertThat(holder(slot)).isEmpty();
                assertThat(listedFree(doctor, slot)).isTrue();
            }
        }
    }

    @Test
    void theDoctorRejectingWhileThePatientCancelsEndsInExactlyOneOfThemWithTheSlotFree() throws Exception {
        AccountId doctor = doctor();
        for (SlotId slot : publish(doctor, Math.max(1, repetitions() * 2 / 3))) {
            AccountId patient = TestPatients.eligible(accounts, consent);
            Appointment booked = booking.book(patient, slot, "k");

            List<Object> results = Concurrently.run(2, i -> () -> i == 0
                    ? lifecycle.reject(doctor, booked.id(), "I will be away that day")
                    : lifecycle.cancel(patient, Role.PATIENT, booked.id(), JUSTIFICATION));

            assertThat(results).as("results").filteredOn(Appointment.class::isInstance).hasSize(1);
            Object loser = results.stream().filter(r -> !(r instanceof Appointment)).findFirst().orElseThrow();
            assertThat(code(loser)).isEqualTo(SchedulingErrors.INVALID_APPOINTMENT_STATE);
            Appointment stored = lifecycle.visibleTo(patient, booked.id());
            assertThat(stored.status()).isIn(AppointmentStatus.REJECTED, AppointmentStatus.CANCELLED);
            assertThat(holder(slot)).isEmpty();
        }
    }

    @Test
    void theDoctorRemovingASlotWhileAPatientBooksItEndsWithEitherTheBookingOrTheRemovalNeverBoth() throws Exception {
        AccountId doctor = doctor();
        List<SlotId> published = publish(doctor, repetitions() + 1);
        SlotId spare = published.get(repetitions());
        for (SlotId slot : published.subList(0, repetitions())) {
            AccountId patient = TestPatients.eligible(accounts, consent);

            List<Object> results = Concurrently.run(2, i -> () -> {
                if (i == 0) {
                    agenda.remove(doctor, slot);
                    return "removed";
                }
                return booking.book(patient, slot, "k");
            });

            if (results.get(1) instanceof Appointment booked) {
                assertThat(code(results.get(0))).as("results %s", results).isEqualTo(SchedulingErrors.SLOT_HAS_APPOINTMENT);
                assertThat(holder(slot)).contains(booked.id());
                lifecycle.cancel(patient, Role.PATIENT, booked.id(), JUSTIFICATION);
            } else {
                assertThat(results.get(0)).as("results %s", results).isEqualTo("removed");
                assertThat(code(results.get(1))).isIn(SchedulingErrors.SLOT_UNAVAILABLE, PlatformErrors.NOT_FOUND);
                assertThat(slots.find(slot)).isEmpty();
                assertThat(appointmentsOf(patient, Role.PATIENT)).isEmpty();
            }
            // whatever happened, the patient's place with this doctor is free again
            Appointment next = booking.book(patient, spare, "next-" + slot);
            lifecycle.cancel(patient, Role.PATIENT, next.id(), JUSTIFICATION);
        }
    }

    @Test
    void aBookedSlotIsNeverMovedRemovedOrBlockedAwayAndOnceCancelledItCanBe() {
        AccountId doctor = doctor();
        List<SlotId> two = publish(doctor, 2);
        SlotId booked = two.get(0);
        SlotId free = two.get(1);
        AccountId patient = TestPatients.eligible(accounts, consent);
        Appointment appointment = booking.book(patient, booked, "k");

        assertThat(catchThrowableOfType(DomainException.class,
                () -> agenda.move(doctor, booked, day.plus(Duration.ofHours(5)), Optional.empty())).code())
                .isEqualTo(SchedulingErrors.SLOT_HAS_APPOINTMENT);
        assertThat(catchThrowableOfType(DomainException.class, () -> agenda.remove(doctor, booked)).code())
                .isEqualTo(SchedulingErrors.SLOT_HAS_APPOINTMENT);
        assertThat(catchThrowableOfType(DomainException.class,
                () -> agenda.block(doctor, day.minus(Duration.ofHours(1)), day.plus(Duration.ofHours(3)))).code())
                .isEqualTo(SchedulingErrors.SLOT_HAS_APPOINTMENT);
        assertThat(slots.find(booked).orElseThrow().start()).isEqualTo(day);
        assertThat(holder(booked)).contains(appointment.id());
        assertThat(slots.find(free)).as("a refused block removes nothing").isPresent();

        lifecycle.cancel(patient, Role.PATIENT, appointment.id(), JUSTIFICATION);
        assertThat(agenda.block(doctor, day.minus(Duration.ofHours(1)), day.plus(Duration.ofHours(3)))).isEqualTo(2);
        assertThat(slots.find(booked)).isEmpty();
        assertThat(slots.find(free)).isEmpty();
        assertThat(agenda.freeSlots(doctor, day.minus(Duration.ofDays(1)), day.plus(Duration.ofDays(3)))).isEmpty();
    }

    @Test
    void aFreeSlotMovesUnderANewIdButNeverOntoAnotherSlot() {
        AccountId doctor = doctor();
        List<SlotId> two = publish(doctor, 2); // day 00:00 and 01:00
        SlotId first = two.get(0);

        DomainException overlap = catchThrowableOfType(DomainException.class,
                () -> agenda.move(doctor, first, day.plus(Duration.ofMinutes(40)), Optional.empty()));
        assertThat(overlap.code()).isEqualTo(SchedulingErrors.SLOT_OVERLAP);
        assertThat(slots.find(first).orElseThrow().start()).isEqualTo(day);

        SlotId moved = agenda.move(doctor, first, day.plus(Duration.ofHours(6)), Optional.empty()).slot().id();
        assertThat(moved).isNotEqualTo(first);
        assertThat(slots.find(first)).as("the old id is gone: nobody books the new time by it").isEmpty();
        assertThat(slots.find(moved).orElseThrow().start()).isEqualTo(day.plus(Duration.ofHours(6)));
        assertThat(agenda.freeSlots(doctor, day.minus(Duration.ofDays(1)), day.plus(Duration.ofDays(3))))
                .extracting(s -> s.slot().start()).containsExactly(day.plus(Duration.ofHours(1)), day.plus(Duration.ofHours(6)));
        // the old time is free to publish again, and the moved slot books like any other
        assertThat(publishOne(doctor)).isNotEqualTo(first);
        assertThat(booking.book(TestPatients.eligible(accounts, consent), moved, "k-moved").start()).isEqualTo(day.plus(Duration.ofHours(6)));
    }

    @Test
    void aPublicationSentAgainAnswersTheSlotsItMadeAndPublishesOnlyWhatIsNew() {
        AccountId doctor = doctor();
        List<Agenda.NewSlot> three = IntStream.range(0, 3)
                .mapToObj(i -> new Agenda.NewSlot(day.plus(Duration.ofHours(i)), Optional.empty())).toList();
        List<SlotId> first = agenda.publish(doctor, three).stream().map(s -> s.slot().id()).toList();
        booking.book(TestPatients.eligible(accounts, consent), first.get(1), "k-retry");

        // the client never got the first answer and sends the same publication again, with one more slot
        List<Agenda.NewSlot> again = new java.util.ArrayList<>(three);
        again.add(new Agenda.NewSlot(day.plus(Duration.ofHours(5)), Optional.empty()));
        List<Agenda.AgendaSlot> answered = agenda.publish(doctor, again);

        assertThat(answered).hasSize(4);
        assertThat(answered.subList(0, 3)).extracting(s -> s.slot().id()).containsExactlyElementsOf(first);
        assertThat(answered).extracting(Agenda.AgendaSlot::free).containsExactly(true, false, true, true);
        assertThat(answered.get(3).slot().id()).isNotIn(first);
        assertThat(slots.ofDoctor(doctor, day.minus(Duration.ofDays(1)), day.plus(Duration.ofDays(1)), 100))
                .extracting(Slot::start).containsExactly(day, day.plus(Duration.ofHours(1)), day.plus(Duration.ofHours(2)),
                        day.plus(Duration.ofHours(5)));

        // a slot that overlaps a different one is still refused, and nothing of its publication is added
        DomainException overlap = catchThrowableOfType(DomainException.class, () -> agenda.publish(doctor, List.of(
                new Agenda.NewSlot(day, Optional.empty()),
                new Agenda.NewSlot(day.plus(Duration.ofHours(8)), Optional.empty()),
                new Agenda.NewSlot(day.plus(Duration.ofMinutes(150)), Optional.empty()))));
        assertThat(overlap.code()).isEqualTo(SchedulingErrors.SLOT_OVERLAP);
        assertThat(slots.ofDoctor(doctor, day.minus(Duration.ofDays(1)), day.plus(Duration.ofDays(1)), 100)).hasSize(4);
    }

    @Test
    void publishingTheSameWeekTwiceIsRefusedWithSlotOverlapAndAddsNothing() {
        AccountId doctor = doctor();
        java.time.ZoneId zone = java.time.ZoneId.of("America/Sao_Paulo");
        java.time.LocalDate monday = java.time.LocalDate.now(zone).plusWeeks(2).with(java.time.DayOfWeek.MONDAY);
        java.util.Set<java.time.DayOfWeek> weekdays = java.util.EnumSet.range(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.FRIDAY);
        Instant from = monday.atStartOfDay(zone).toInstant();
        Instant to = monday.plusDays(7).atStartOfDay(zone).toInstant();

        List<Agenda.AgendaSlot> week = agenda.publishWeekly(doctor, monday, monday.plusDays(6), weekdays,
                java.time.LocalTime.of(8, 0), java.time.LocalTime.of(12, 0), Duration.ofMinutes(10));
        DomainException again = catchThrowableOfType(DomainException.class, () -> agenda.publishWeekly(doctor, monday,
                monday.plusDays(6), weekdays, java.time.LocalTime.of(8, 30), java.time.LocalTime.of(12, 0), Duration.ZERO));

        assertThat(week).hasSize(20);
        assertThat(again.code()).isEqualTo(SchedulingErrors.SLOT_OVERLAP);
        assertThat(agenda.freeSlots(doctor, from, to)).extracting(s -> s.slot().id())
                .containsExactlyElementsOf(week.stream().map(s -> s.slot().id()).toList());
    }

    @Test
    void aSlotFreedByARejectionIsBookedByAnotherPatientAndTheRejectionStaysOnRecord() {
        AccountId doctor = doctor();
        SlotId slot = publishOne(doctor);
        AccountId first = TestPatients.eligible(accounts, consent);
        AccountId second = TestPatients.eligible(accounts, consent);
        Appointment rejected = booking.book(first, slot, "k1");
        DomainException whileHeld = catchThrowableOfType(DomainException.class, () -> booking.book(second, slot, "k2"));
        assertThat(whileHeld.code()).isEqualTo(SchedulingErrors.SLOT_UNAVAILABLE);

        lifecycle.reject(doctor, rejected.id(), "I will be away that day");
        Appointment rebooked = booking.book(second, slot, "k2");

        assertThat(rebooked.status()).isEqualTo(AppointmentStatus.REQUESTED);
        assertThat(rebooked.id()).isNotEqualTo(rejected.id());
        assertThat(holder(slot)).contains(rebooked.id());
        assertThat(appointmentsOf(first, Role.PATIENT)).extracting(Appointment::status).containsExactly(AppointmentStatus.REJECTED);
        assertThat(appointmentsOf(doctor, Role.DOCTOR)).extracting(Appointment::id).containsExactlyInAnyOrder(rejected.id(), rebooked.id());
    }

    @Test
    void aSlotFreedByACancellationIsBookedAgainByAnotherPatientOrTheSamePatientWithANewRequest() {
        AccountId doctor = doctor();
        List<SlotId> two = publish(doctor, 2);
        AccountId patient = TestPatients.eligible(accounts, consent);

        Appointment cancelled = booking.book(patient, two.get(0), "k1");
        lifecycle.cancel(patient, Role.PATIENT, cancelled.id(), JUSTIFICATION);
        Appointment byAnother = booking.book(TestPatients.eligible(accounts, consent), two.get(0), "k1");
        assertThat(byAnother.status()).isEqualTo(AppointmentStatus.REQUESTED);
        assertThat(holder(two.get(0))).contains(byAnother.id());

        Appointment confirmedThenCancelled = booking.book(patient, two.get(1), "k2");
        lifecycle.accept(doctor, confirmedThenCancelled.id());
        lifecycle.cancel(doctor, Role.DOCTOR, confirmedThenCancelled.id(), "An emergency at the hospital");
        Appointment again = booking.book(patient, two.get(1), "k3");
        assertThat(again.status()).isEqualTo(AppointmentStatus.REQUESTED);
        assertThat(holder(two.get(1))).contains(again.id());
        // the old request key still names the cancelled appointment: it is never turned into a new booking
        assertThat(booking.book(patient, two.get(1), "k2").status()).isEqualTo(AppointmentStatus.CANCELLED);
    }

    @Test
    void aPatientHoldsOneUpcomingAppointmentPerDoctorUntilItIsCancelled() {
        AccountId doctor = doctor();
        List<SlotId> two = publish(doctor, 2);
        AccountId patient = TestPatients.eligible(accounts, consent);
        Appointment first = booking.book(patient, two.get(0), "k1");

        DomainException second = catchThrowableOfType(DomainException.class, () -> booking.book(patient, two.get(1), "k2"));

        assertThat(second.code()).isEqualTo(SchedulingErrors.BOOKING_LIMIT_REACHED);
        assertThat(second.extensions()).containsEntry("limit", "ONE_PER_DOCTOR");
        assertThat(holder(two.get(1))).isEmpty();
        assertThat(listedFree(doctor, two.get(1))).isTrue();
        assertThat(appointmentsOf(patient, Role.PATIENT)).containsExactly(first);

        lifecycle.cancel(patient, Role.PATIENT, first.id(), JUSTIFICATION);
        assertThat(booking.book(patient, two.get(1), "k3").status()).isEqualTo(AppointmentStatus.REQUESTED);
    }

    @Test
    void aPatientHoldsAtMostFiveUpcomingAppointmentsInAll() {
        AccountId patient = TestPatients.eligible(accounts, consent);
        List<Appointment> five = IntStream.range(0, 5).mapToObj(i -> booking.book(patient, publishOne(doctor()), "k" + i)).toList();
        SlotId sixth = publishOne(doctor());

        DomainException refused = catchThrowableOfType(DomainException.class, () -> booking.book(patient, sixth, "k5"));

        assertThat(refused.code()).isEqualTo(SchedulingErrors.BOOKING_LIMIT_REACHED);
        assertThat(refused.extensions()).containsEntry("limit", "MAX_ACTIVE");
        assertThat(holder(sixth)).isEmpty();
        lifecycle.reject(five.get(2).doctorId(), five.get(2).id(), "I will be away that day");
        assertThat(booking.book(patient, sixth, "k6").status()).isEqualTo(AppointmentStatus.REQUESTED);
    }

    @Test
    void aBotBookingTwentyDoctorsAtOnceGetsNoMoreThanFive() throws Exception {
        AccountId bot = TestPatients.eligible(accounts, consent);
        List<SlotId> wanted = IntStream.range(0, 20).mapToObj(i -> publishOne(doctor())).toList();

        List<Object> results = Concurrently.run(20, i -> () -> booking.book(bot, wanted.get(i), "bot-" + i));

        assertThat(results).as("results").filteredOn(Appointment.class::isInstance).hasSize(5);
        assertThat(results).filteredOn(r -> !(r instanceof Appointment))
                .allSatisfy(r -> assertThat(code(r)).isEqualTo(SchedulingErrors.BOOKING_LIMIT_REACHED));
        assertThat(appointmentsOf(bot, Role.PATIENT)).hasSize(5);
        assertThat(wanted.stream().filter(s -> holder(s).isPresent())).hasSize(5);
    }
}
