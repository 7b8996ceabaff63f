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
     * appointment again succeeds.
     */
    Outcome reserve(AccountId patientId, Reservation reservation, int maxActive, Instant now);

    /** Drops the appointment's reservation; does nothing if there is none. */
    void release(AccountId patientId, AppointmentId appointmentId);

    record Reservation(AppointmentId appointmentId, AccountId doctorId, Instant start) {
        public Reservation {
            Objects.requireNonNull(appointmentId);
            Objects.requireNonNull(doctorId);
            Objects.requireNonNull(start);
        }
    }

    /** {@code blocking}: the reservations that stood in the way, so a caller can check they are still live. */
    record Outcome(Result result, List<AppointmentId> blocking) {
        public static final Outcome RESERVED = new Outcome(Result.RESERVED, List.of());
    }

    enum Result { RESERVED, SAME_DOCTOR, LIMIT_REACHED }
}
