package br.com.healthmed.scheduling;

import br.com.healthmed.identity.AccountId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Each patient's active future appointments, kept so that one person (or bot) cannot take all of a
 * doctor's slots: at most one per doctor and a bounded number overall. A reservation is made before
 * the slot is claimed and released when the appointment ends; reservations whose start has passed
 * no longer count. Implementations must pass {@code ActiveBookingsContract}; concurrent reservations
 * of one patient never exceed the limits.
 */
public interface ActiveBookings {

    /**
     * Reserves a place for the appointment unless the patient already holds one for this doctor or
     * {@code maxActive} in all (counting only those starting after {@code now}). Reserving the same
     * appointment again for the same slot succeeds and keeps the first reservation; for another slot it
     * is {@code KEY_REUSED} (one booking request, one slot).
     */
    Outcome reserve(AccountId patientId, Reservation reservation, int maxActive, Instant now);

    /** Drops the appointment's reservation; does nothing if there is none. */
    void release(AccountId patientId, AppointmentId appointmentId);

    /** A place held for one booking request: its appointment, slot, doctor, the slot's start and when it was made. */
    record Reservation(AppointmentId appointmentId, SlotId slotId, AccountId doctorId, Instant start, Instant reservedAt) {
        public Reservation {
            Objects.requireNonNull(appointmentId);
            Objects.requireNonNull(slotId);
            Objects.requireNonNull(doctorId);
            Objects.requireNonNull(start);
            Objects.requireNonNull(reservedAt);
        }
    }

    /** {@code blocking}: the reservations that stood in the way, so a caller can check they are still live. */
    record Outcome(Result result, List<Reservation> blocking) {
        public static final Outcome RESERVED = new Outcome(Result.RESERVED, List.of());
    }

    enum Result { RESERVED, SAME_DOCTOR, LIMIT_REACHED, KEY_REUSED }
}
