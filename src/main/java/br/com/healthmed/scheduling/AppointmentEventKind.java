package br.com.healthmed.scheduling;

/** Kinds of appointment change a consumer can tell apart. */
public enum AppointmentEventKind {
    /** A patient booked a slot; the doctor has to answer. */
    REQUESTED,
    /** The doctor accepted the request; the consultation has a meeting room. */
    CONFIRMED,
    /** The doctor declined the request. */
    REJECTED,
    /** The patient called the appointment off (with a justification). */
    CANCELLED_BY_PATIENT,
    /** The doctor called a confirmed consultation off (with a reason). */
    CANCELLED_BY_DOCTOR,
    /** Nobody answered the request before its start. */
    EXPIRED,
    /** A confirmed consultation's end has passed. */
    COMPLETED,
    /** The doctor reported that the patient did not attend. */
    NO_SHOW,
    /** The consultation moved to another time ({@code previousStart} says from when). */
    RESCHEDULED
}
