package br.com.healthmed.scheduling;

import org.springframework.modulith.NamedInterface;

/** Kinds of appointment change a consumer can tell apart. */
@NamedInterface("api")
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
    RESCHEDULED,
    /** The doctor proposed another time ({@code start}/{@code end}; {@code previousStart} is the current one); the patient answers. */
    NEW_TIME_PROPOSED,
    /** The patient turned the doctor's proposed time down; the consultation stays where it was. */
    NEW_TIME_DECLINED,
    /** A freed slot is offered to this waiting patient, for them alone until the offer's answerBy. */
    WAITLIST_OFFER,
    /** The waitlist offer was not taken in time; the slot passes to the next in line. */
    OFFER_EXPIRED,
    /** The waiting patient turned the offer down; the slot passes to the next in line. */
    OFFER_DECLINED
}
