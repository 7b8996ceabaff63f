package br.com.healthmed.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.HealthMedApplication;
import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.ErrorCode;
import br.com.healthmed.support.MutableClock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * An answer that read its appointment just before the answer deadline and stores it just after, while
 * another request takes the lapsed slot over in between: the doctor's late accept against a new
 * booking and against the doctor's own removal of the slot, the patient's late acceptance of a
 * waitlist offer against a new booking. Expiry is lazy, so the store still says "waiting for an
 * answer" when the take-over reads it; whatever the order, the slot ends with one active appointment
 * at most, and the late answer learns it came too late. The interleaving is exact: the take-over runs
 * on the answer's own thread, just before the answer's conditional write reaches the store, with the
 * clock moved across the deadline.
 */
@SpringBootTest(classes = {HealthMedApplication.class, SchedulingFixture.Config.class, AppointmentWrites.class}, properties = {
        "healthmed.scheduling.sweep-interval=P1D", // nothing but the take-over stores the expiry
        "healthmed.booking-limits.per-account=100000"})
abstract class AnswerDeadlineRaceContract {

    @Autowired
    SchedulingFixture given;

    @Autowired
    MutableClock clock;

    @Autowired
    Booking booking;

    @Autowired
    AppointmentLifecycle lifecycle;

    @Autowired
    Agenda agenda;

    @Autowired
    Waitlist waitlist;

    @Autowired
    WaitlistOffers offers;

    @Autowired
    AppointmentStore appointments;

    @Autowired
    SlotStore slots;

    @Test
    void theDoctorAcceptingJustBeforeTheDeadlineWhileAnotherPatientTakesTheLapsedSlotLeavesOneAppointmentOnIt() {
        AccountId doctor = given.doctor();
        SlotId slot = given.published(doctor, given.inThreeDays()).id();
        Appointment request = given.booked(slot, "first");
        clock.set(request.answerBy().minusSeconds(1));

        AtomicReference<Object> takeOver = new AtomicReference<>();
        armBeforeTheWriteOf(request.id(), request.answerBy(), () -> takeOver.set(attempt(() -> booking.book(given.patient(), slot, "second"))));
        Object accepted = attempt(() -> lifecycle.accept(doctor, request.id()));

        assertThat(AppointmentWrites.ran()).as("the take-over ran inside the accept").isTrue();
        assertOneActiveAppointmentOn(slot, request, accepted, takeOver.get());
        assertThat(takeOver.get()).as("the lapsed slot was free to book").isInstanceOf(Appointment.class);
        assertThat(code(accepted)).as("the late accept is told the request expired").isEqualTo(SchedulingErrors.INVALID_APPOINTMENT_STATE);
        assertThat(appointments.find(request.id()).orElseThrow().status()).isEqualTo(AppointmentStatus.EXPIRED);
    }

    @Test
    void anAcceptStoredJustBeforeTheDeadlineKeepsTheSlotFromABookingJustAfter() {
        AccountId doctor = given.doctor();
        SlotId slot = given.published(doctor, given.inThreeDays()).id();
        Appointment request = given.booked(slot, "first");
        clock.set(request.answerBy().minusSeconds(1));
        Appointment accepted = lifecycle.accept(doctor, request.id());
        clock.set(request.answerBy().plusSeconds(1));

        Object late = attempt(() -> booking.book(given.patient(), slot, "second"));

        assertThat(accepted.status()).isEqualTo(AppointmentStatus.CONFIRMED);
        assertThat(code(late)).isEqualTo(SchedulingErrors.SLOT_UNAVAILABLE);
        assertOneActiveAppointmentOn(slot, request, accepted, late);
    }

    @Test
    void theDoctorAcceptingJustBeforeTheDeadlineWhileRemovingTheLapsedSlotNeverConfirmsAConsultationOnARemovedSlot() {
        AccountId doctor = given.doctor();
        SlotId slot = given.published(doctor, given.inThreeDays()).id();
        Appointment request = given.booked(slot, "first");
        clock.set(request.answerBy().minusSeconds(1));

        AtomicReference<Object> removal = new AtomicReference<>();
        armBeforeTheWriteOf(request.id(), request.answerBy(), () -> removal.set(attempt(() -> {
            agenda.remove(doctor, slot);
            return "removed";
        })));
        Object accepted = attempt(() -> lifecycle.accept(doctor, request.id()));

        assertThat(AppointmentWrites.ran()).as("the removal ran inside the accept").isTrue();
        assertThat(removal.get()).as("the lapsed request was not in the way of removing the slot").isEqualTo("removed");
        assertThat(slots.find(slot)).isEmpty();
        assertThat(appointments.find(request.id()).orElseThrow().isActiveAt(clock.instant()))
                .as("no consultation stands on a removed slot").isFalse();
        assertThat(code(accepted)).isEqualTo(SchedulingErrors.INVALID_APPOINTMENT_STATE);
    }

    @Test
    void aWaiterTakingTheOfferJustBeforeItLapsesWhileAnotherPatientTakesTheSlotLeavesOneAppointmentOnIt() {
        AccountId doctor = given.doctor();
        Instant start = given.inThreeDays();
        SlotId slot = given.published(doctor, start).id();
        given.awaitPublicationsOffered(); // nobody waits yet: the offer below is the test's, not the publication's
        AccountId waiter = given.waiting(doctor, start).patientId();
        Appointment offer = offers.offer(slot).orElseThrow();
        assertThat(offer.status()).isEqualTo(AppointmentStatus.OFFERED);
        clock.set(offer.answerBy().minusSeconds(1));

        AtomicReference<Object> takeOver = new AtomicReference<>();
        armBeforeTheWriteOf(offer.id(), offer.answerBy(), () -> takeOver.set(attempt(() -> booking.book(given.patient(), slot, "late"))));
        Object taken = attempt(() -> waitlist.accept(waiter, offer.id(), BookingOrigin.UNKNOWN));

        assertThat(AppointmentWrites.ran()).as("the take-over ran inside the acceptance").isTrue();
        assertOneActiveAppointmentOn(slot, offer, taken, takeOver.get());
        assertThat(takeOver.get()).as("nobody else waits: the lapsed offer's slot was free to book").isInstanceOf(Appointment.class);
        assertThat(code(taken)).as("the late acceptance is told the offer lapsed").isEqualTo(SchedulingErrors.INVALID_APPOINTMENT_STATE);
    }

    /** Before the answer's write of {@code id}: the clock passes {@code deadline}, then the take-over runs. */
    private void armBeforeTheWriteOf(AppointmentId id, Instant deadline, Runnable takeOver) {
        AppointmentWrites.beforeNextUpdate(a -> a.id().equals(id), () -> {
            clock.set(deadline.plusSeconds(1));
            takeOver.run();
        });
    }

    private void assertOneActiveAppointmentOn(SlotId slot, Appointment first, Object firstAnswer, Object takeOver) {
        Instant now = clock.instant();
        List<Appointment> onSlot = new java.util.ArrayList<>();
        onSlot.add(appointments.find(first.id()).orElseThrow());
        if (takeOver instanceof Appointment other) {
            onSlot.add(appointments.find(other.id()).orElseThrow());
        }
        List<Appointment> active = onSlot.stream().filter(a -> a.slotId().equals(slot) && a.isActiveAt(now)).toList();
        assertThat(active).as("active appointments on the slot (the first answered %s)", firstAnswer).hasSize(1);
        assertThat(slots.find(slot).orElseThrow().hold().map(Slot.Hold::appointmentId)).contains(active.get(0).id());
    }

    private static Object attempt(Supplier<Object> call) {
        try {
            return call.get();
        } catch (DomainException refused) {
            return refused;
        }
    }

    private static ErrorCode code(Object answer) {
        assertThat(answer).isInstanceOf(DomainException.class);
        return ((DomainException) answer).code();
    }
}
