package br.com.healthmed.scheduling;

import br.com.healthmed.platform.error.ErrorCode;
import org.springframework.graphql.execution.ErrorType;

/**
 * The {@code extensions.code}s the scheduling module raises. Names are API: never renamed, only added; unique across all
 * modules and listed in docs/api.md ({@code ErrorCodeDocumentationTest}).
 * Other modules raise some of them, so this enum is published.
 */
@org.springframework.modulith.NamedInterface("api")
public enum SchedulingErrors implements ErrorCode {

    INVALID_DATE_RANGE(ErrorType.BAD_REQUEST, "A period that ends before it starts, is too long for one call (31 days for agendas), or reaches past the 90-day publishing horizon; extensions.field names it."),
    SLOT_OVERLAP(ErrorType.BAD_REQUEST, "A slot would overlap another slot of the same doctor; extensions.slotId, start and end name the one in the way. Nothing of the request was published."),
    SLOT_HAS_APPOINTMENT(ErrorType.BAD_REQUEST, "The slot has an active appointment, so it cannot be moved, removed or blocked: reject or cancel the appointment first."),
    SLOT_UNAVAILABLE(ErrorType.BAD_REQUEST, "The slot was taken by someone else, or has already started: choose another."),
    BOOKING_LIMIT_REACHED(ErrorType.BAD_REQUEST, "The patient already holds an upcoming appointment with this doctor (extensions.limit = ONE_PER_DOCTOR), or the most upcoming appointments allowed (MAX_ACTIVE, with maxActive)."),
    INVALID_APPOINTMENT_STATE(ErrorType.BAD_REQUEST, "The appointment's status does not allow this (e.g. accepting a cancelled request); extensions.currentStatus says what it is."),
    BOOKING_NOTICE_TOO_SHORT(ErrorType.BAD_REQUEST, "The slot starts sooner than the doctor's minimum notice (bookingRules.minimumNoticeMinutes) for bookings, reschedules and waitlist offers; extensions.minimumNoticeMinutes."),
    BOOKING_TOO_FAR_AHEAD(ErrorType.BAD_REQUEST, "The slot starts further ahead than the doctor takes bookings (bookingRules.maximumAdvanceDays); extensions.maximumAdvanceDays."),
    SLOT_OF_ANOTHER_DOCTOR(ErrorType.BAD_REQUEST, "rescheduleAppointment / proposeNewTime to a slot of another doctor: an appointment moves only within its doctor's agenda."),
    SLOT_WITHIN_BUFFER(ErrorType.BAD_REQUEST, "A new slot would start or end closer to another of the doctor's slots than their buffer (bookingRules.bufferMinutes); extensions.slotId, bufferMinutes. Nothing of the request was published."),
    MOVE_IN_PROGRESS(ErrorType.BAD_REQUEST, "Another reschedule of this appointment is under way, or the doctor's proposed time awaits the patient's answer (extensions.proposal: true): answer it, or retry after extensions.retryAfterSeconds."),
    TOO_MANY_MOVES(ErrorType.BAD_REQUEST, "rescheduleAppointment / proposeNewTime on an appointment already moved or proposed 20 times (each is a step of its history, which must stay small); extensions.maxMoves. Cancel and book again."),
    NO_PENDING_PROPOSAL(ErrorType.BAD_REQUEST, "respondToProposedTime on an appointment without a proposed time waiting (already answered, or withdrawn when it lapsed)."),
    WAITLIST_LIMIT_REACHED(ErrorType.BAD_REQUEST, "The patient already waits for 3 doctors (healthmed.scheduling.waitlist.max-per-patient); extensions.maxEntries."),
    WAITLIST_DUPLICATE(ErrorType.BAD_REQUEST, "The patient already waits for this doctor (one entry per doctor): leaveWaitlist first to wait for another period."),
    INVALID_WAITLIST_WINDOW(ErrorType.BAD_REQUEST, "joinWaitlist with a period that has ended, ends before it starts, covers more than 31 days or reaches past the 90-day horizon; extensions.field.");

    private final ErrorType errorType;
    private final String description;

    SchedulingErrors(ErrorType errorType, String description) {
        this.errorType = errorType;
        this.description = description;
    }

    @Override
    public ErrorType errorType() {
        return errorType;
    }

    @Override
    public String description() {
        return description;
    }
}
