package br.com.healthmed.scheduling;

import org.springframework.modulith.NamedInterface;

/** Where an appointment is in its life. Only OFFERED, REQUESTED and CONFIRMED hold the slot. */
@NamedInterface("api")
public enum AppointmentStatus {
    /** A freed slot offered to the first patient on the doctor's waitlist, held for them until answerBy. */
    OFFERED,
    /** Booked by the patient, waiting for the doctor. */
    REQUESTED,
    /** Accepted by the doctor; has a meeting room. */
    CONFIRMED,
    /** Declined by the doctor; the slot is free again. */
    REJECTED,
    /** Called off by the patient (with a justification) or by the doctor (with a reason); the slot is free again. */
    CANCELLED,
    /** The doctor did not answer before the start. */
    EXPIRED,
    /** A confirmed consultation whose end has passed. */
    COMPLETED,
    /** The doctor reported that the patient did not attend. */
    NO_SHOW;

    /** Whether an appointment in this status occupies its slot. */
    public boolean isActive() {
        return this == OFFERED || this == REQUESTED || this == CONFIRMED;
    }
}
