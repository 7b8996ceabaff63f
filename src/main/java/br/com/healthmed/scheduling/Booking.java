package br.com.healthmed.scheduling;

import br.com.healthmed.directory.PracticeTerms;
import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.ErrorCode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Booking a slot. The commit point is one conditional write on the slot ({@link SlotStore#claim});
 * around it, in this order:
 * <ol>
 *   <li>the appointment id is derived from the patient and the idempotency key, so every retry of a
 *       request — even one racing itself — works on the same appointment;</li>
 *   <li>the patient's place is reserved ({@link ActiveBookings}), which enforces the anti-hoarding
 *       limits; it is given back if the claim fails;</li>
 *   <li>the slot is claimed;</li>
 *   <li>the appointment is stored, and only then announced.</li>
 * </ol>
 * A crash after the claim leaves a slot held by an appointment that does not exist: a retry of the
 * same request finishes the booking, and otherwise the hold counts as stale after
 * {@code staleHoldGrace} and the next booking takes the slot over. A slot still held by an appointment
 * that has ended (a release that never happened) is likewise free for the next booking: no slot stays
 * blocked by a cancelled consultation.
 */
@Service
public class Booking {

    private final SlotStore slots;
    private final AppointmentStore appointments;
    private final ActiveBookings activeBookings;
    private final Practices practices;
    private final AppointmentLifecycle lifecycle;
    private final SchedulingProperties properties;
    private final TakenSlots takenSlots;
    private final Clock clock;

    Booking(SlotStore slots, AppointmentStore appointments, ActiveBookings activeBookings, Practices practices,
            AppointmentLifecycle lifecycle, SchedulingProperties properties, TakenSlots takenSlots, Clock clock) {
        this.slots = slots;
        this.appointments = appointments;
        this.activeBookings = activeBookings;
        this.practices = practices;
        this.lifecycle = lifecycle;
        this.properties = properties;
        this.clock = clock;
        this.takenSlots = takenSlots;
    }

    /** Books a slot for a patient: the appointment starts {@code REQUESTED}. */
    public Appointment book(AccountId patientId, SlotId slotId, String idempotencyKey) {
        Instant now = clock.instant();
        AppointmentId appointmentId = AppointmentId.forRequest(patientId, idempotencyKey);
        Optional<Appointment> earlier = appointments.find(appointmentId);
        if (earlier.isPresent()) {
            return sameRequestAgain(earlier.get(), slotId, now);
        }
        if (takenSlots.isTaken(slotId, appointmentId)) {
            throw unavailable();
        }
        Slot slot = slots.find(slotId).orElseThrow(() -> DomainException.notFound("Slot"));
        if (!slot.start().isAfter(now)) {
            throw new DomainException(ErrorCode.SLOT_UNAVAILABLE, "This slot has already started.");
        }
        Optional<AppointmentId> replacing = staleHolder(slot, patientId, idempotencyKey, now);
        PracticeTerms terms = practices.of(slot.doctorId());

        reserve(patientId, new ActiveBookings.Reservation(appointmentId, slot.doctorId(), slot.start()), now);
        Optional<Slot> claimed = slots.claim(slotId, new Slot.Hold(appointmentId, patientId, idempotencyKey, now), replacing);
        if (claimed.isEmpty()) {
            activeBookings.release(patientId, appointmentId);
            takenSlots.taken(slotId);
            throw unavailable();
        }
        takenSlots.taken(slotId, claimed.get().hold().orElseThrow().appointmentId());
        Appointment appointment = Appointment.requested(appointmentId, slot, patientId, terms.consultationPrice(), now);
        if (appointments.create(appointment)) {
            appointments.scheduleCheck(new AppointmentStore.DueCheck(appointmentId, slot.start()));
            lifecycle.announce(appointment, now);
            return appointment;
        }
        return appointments.find(appointmentId).map(a -> a.settledAt(now)).orElseThrow();
    }

    private static Appointment sameRequestAgain(Appointment earlier, SlotId slotId, Instant now) {
        if (!earlier.slotId().equals(slotId)) {
            throw DomainException.invalid(ErrorCode.IDEMPOTENCY_KEY_REUSED, "idempotencyKey",
                    "This idempotency key was already used to book another slot; use a new key for a new booking.");
        }
        return earlier.settledAt(now);
    }

    /** The appointment a hold can be taken over from, or {@code SLOT_UNAVAILABLE} when the hold is live. */
    private Optional<AppointmentId> staleHolder(Slot slot, AccountId patientId, String idempotencyKey, Instant now) {
        if (slot.hold().isEmpty()) {
            return Optional.empty();
        }
        Slot.Hold hold = slot.hold().get();
        if (hold.isRequest(patientId, idempotencyKey)) {
            return Optional.empty(); // our own earlier attempt: the claim below is its retry
        }
        boolean stale = appointments.find(hold.appointmentId())
                .map(holder -> !holder.isActiveAt(now))
                .orElseGet(() -> hold.claimedAt().plus(properties.staleHoldGrace()).isBefore(now));
        if (!stale) {
            takenSlots.taken(slot.id(), hold.appointmentId());
            throw unavailable();
        }
        return Optional.of(hold.appointmentId());
    }

    private void reserve(AccountId patientId, ActiveBookings.Reservation reservation, Instant now) {
        ActiveBookings.Outcome outcome = activeBookings.reserve(patientId, reservation, properties.maxActivePerPatient(), now);
        if (outcome.result() != ActiveBookings.Result.RESERVED && releaseEnded(patientId, outcome.blocking(), now)) {
            outcome = activeBookings.reserve(patientId, reservation, properties.maxActivePerPatient(), now);
        }
        switch (outcome.result()) {
            case RESERVED -> { }
            case SAME_DOCTOR -> throw new DomainException(ErrorCode.BOOKING_LIMIT_REACHED,
                    "You already have an upcoming appointment with this doctor; cancel it or wait until it has happened.",
                    Map.of("limit", "ONE_PER_DOCTOR"));
            case LIMIT_REACHED -> throw new DomainException(ErrorCode.BOOKING_LIMIT_REACHED,
                    "You already have " + properties.maxActivePerPatient() + " upcoming appointments, the most one patient may hold.",
                    Map.of("limit", "MAX_ACTIVE", "maxActive", properties.maxActivePerPatient()));
            default -> throw new IllegalStateException("unknown outcome " + outcome.result());
        }
    }

    /**
     * Gives back reservations of appointments that have ended although their release never happened
     * (a crash between the two writes). One still being booked (not stored yet) is left alone.
     */
    private boolean releaseEnded(AccountId patientId, List<AppointmentId> blocking, Instant now) {
        boolean released = false;
        for (Appointment appointment : appointments.findAll(blocking).values()) {
            if (!appointment.isActiveAt(now)) {
                activeBookings.release(patientId, appointment.id());
                released = true;
            }
        }
        return released;
    }

    private static DomainException unavailable() {
        return new DomainException(ErrorCode.SLOT_UNAVAILABLE, "This slot has just been taken; choose another one.");
    }
}
