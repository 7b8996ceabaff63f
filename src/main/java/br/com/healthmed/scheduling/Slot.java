package br.com.healthmed.scheduling;

import br.com.healthmed.identity.AccountId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/**
 * A period of a doctor's time that one patient can book. {@code hold} is set while an appointment
 * claims it; the holding appointment may meanwhile have ended (a release that never happened), which
 * {@link Booking} treats as free.
 */
@NamedInterface("api")
public record Slot(SlotId id, AccountId doctorId, Instant start, Instant end, Optional<Hold> hold) {

    public Slot {
        Objects.requireNonNull(id);
        Objects.requireNonNull(doctorId);
        Objects.requireNonNull(start);
        Objects.requireNonNull(end);
        Objects.requireNonNull(hold);
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a slot ends after it starts");
        }
    }

    public static Slot free(AccountId doctorId, Instant start, Instant end) {
        return new Slot(SlotId.random(), doctorId, start, end, Optional.empty());
    }

    public Duration duration() {
        return Duration.between(start, end);
    }

    public boolean overlaps(Instant otherStart, Instant otherEnd) {
        return start.isBefore(otherEnd) && otherStart.isBefore(end);
    }

    public Slot heldBy(Hold newHold) {
        return new Slot(id, doctorId, start, end, Optional.of(newHold));
    }

    public Slot released() {
        return new Slot(id, doctorId, start, end, Optional.empty());
    }


    /** Who holds the slot: the appointment, its patient and the idempotency key of the booking request. */
    public record Hold(AppointmentId appointmentId, AccountId patientId, String idempotencyKey, Instant claimedAt) {
        public Hold {
            Objects.requireNonNull(appointmentId);
            Objects.requireNonNull(patientId);
            Objects.requireNonNull(idempotencyKey);
            Objects.requireNonNull(claimedAt);
        }

        /**
         * Whether the hold still stands: its appointment is active, or has not been stored yet and the
         * claim is younger than {@code grace} (a booking between its claim and its store, or one that died
         * there and whose client may still retry).
         */
        public boolean isLive(Optional<Appointment> holder, Instant now, Duration grace) {
            return holder.map(a -> a.isActiveAt(now)).orElseGet(() -> claimedAt.plus(grace).isAfter(now));
        }

        /** Whether a retried booking request is this hold's own (same patient, same key). */
        public boolean isRequest(AccountId patient, String key) {
            return patientId.equals(patient) && idempotencyKey.equals(key);
        }
    }
}
