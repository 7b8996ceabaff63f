package br.com.healthmed.scheduling;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.ErrorCode;
import br.com.healthmed.platform.security.Role;
import br.com.healthmed.telehealth.MeetingRoom;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A consultation booked on a slot, and the only place its life-cycle rules live. Every change returns
 * a new appointment with {@code version + 1}; stores write it only over the version it was made from,
 * so of two concurrent changes exactly one lands.
 *
 * <p>Time moves some appointments by itself: a request nobody answered is {@code EXPIRED} from its
 * {@code answerBy} (at the latest the start), a confirmed consultation is {@code COMPLETED} from the end. {@link #settledAt} applies those
 * moves; reads and the periodic sweep both use it, so they always agree.
 */
public record Appointment(
        AppointmentId id,
        SlotId slotId,
        AccountId doctorId,
        AccountId patientId,
        Instant start,
        Instant end,
        Optional<BigDecimal> price,
        AppointmentStatus status,
        long version,
        Instant requestedAt,
        Instant answerBy,
        Optional<String> reason,
        Optional<Role> cancelledBy,
        Optional<MeetingRoom> room,
        Optional<Rating> rating,
        List<Transition> history,
        Optional<BookingOrigin> origin) {

    public Appointment {
        Objects.requireNonNull(id);
        Objects.requireNonNull(slotId);
        Objects.requireNonNull(doctorId);
        Objects.requireNonNull(patientId);
        Objects.requireNonNull(start);
        Objects.requireNonNull(end);
        Objects.requireNonNull(price);
        Objects.requireNonNull(status);
        Objects.requireNonNull(requestedAt);
        Objects.requireNonNull(answerBy);
        Objects.requireNonNull(origin);
        Objects.requireNonNull(reason);
        Objects.requireNonNull(cancelledBy);
        Objects.requireNonNull(room);
        Objects.requireNonNull(rating);
        history = List.copyOf(history);
    }

    /**
     * A new request for a slot, at the price the doctor asks today, that expires unanswered at
     * {@code answerBy} (at the latest the start; see {@link RequestExpiry}).
     */
    public static Appointment requested(AppointmentId id, Slot slot, AccountId patientId, Optional<BigDecimal> price,
                                        Instant now, Instant answerBy, BookingOrigin origin) {
        if (answerBy.isAfter(slot.start()) || answerBy.isBefore(now)) {
            throw new IllegalArgumentException("a request is answered between its booking and its start");
        }
        return new Appointment(id, slot.id(), slot.doctorId(), patientId, slot.start(), slot.end(), price,
                AppointmentStatus.REQUESTED, 1, now, answerBy, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(new Transition(null, AppointmentStatus.REQUESTED, now, Optional.of(Role.PATIENT))),
                origin.equals(BookingOrigin.UNKNOWN) ? Optional.empty() : Optional.of(origin));
    }

    /** The status once time has had its say: what every reader must show. */
    public AppointmentStatus statusAt(Instant now) {
        if (status == AppointmentStatus.REQUESTED && !now.isBefore(answerBy)) {
            return AppointmentStatus.EXPIRED;
        }
        if (status == AppointmentStatus.CONFIRMED && !now.isBefore(end)) {
            return AppointmentStatus.COMPLETED;
        }
        return status;
    }

    /** This appointment with the time-driven move applied, if one is due (the same object otherwise). */
    public Appointment settledAt(Instant now) {
        AppointmentStatus settled = statusAt(now);
        if (settled == status) {
            return this;
        }
        Instant when = settled == AppointmentStatus.EXPIRED ? answerBy : end;
        return step(settled, when, Optional.empty(), reason, cancelledBy, room, rating);
    }

    /** Whether this appointment still occupies its slot and counts against the patient's limits. */
    public boolean isActiveAt(Instant now) {
        return statusAt(now).isActive();
    }

    public Appointment accept(Instant now, MeetingRoom newRoom) {
        require(now, AppointmentStatus.REQUESTED);
        return moved(AppointmentStatus.CONFIRMED, now, Optional.of(Role.DOCTOR), reason, cancelledBy, Optional.of(newRoom), rating);
    }

    public Appointment reject(Instant now, String why) {
        require(now, AppointmentStatus.REQUESTED);
        return moved(AppointmentStatus.REJECTED, now, Optional.of(Role.DOCTOR), Optional.of(why), cancelledBy, room, rating);
    }

    /** The patient calls off a request or a confirmed consultation before it starts. */
    public Appointment cancelByPatient(Instant now, String justification) {
        requireBeforeStart(now, require(now, AppointmentStatus.REQUESTED, AppointmentStatus.CONFIRMED));
        return moved(AppointmentStatus.CANCELLED, now, Optional.of(Role.PATIENT), Optional.of(justification),
                Optional.of(Role.PATIENT), room, rating);
    }

    /** The doctor calls off a confirmed consultation before it starts (a request is rejected instead). */
    public Appointment cancelByDoctor(Instant now, String why) {
        requireBeforeStart(now, require(now, AppointmentStatus.CONFIRMED));
        return moved(AppointmentStatus.CANCELLED, now, Optional.of(Role.DOCTOR), Optional.of(why),
                Optional.of(Role.DOCTOR), room, rating);
    }

    /** The doctor reports the patient absent: once the consultation has started, and before it is rated. */
    public Appointment markNoShow(Instant now) {
        AppointmentStatus current = require(now, AppointmentStatus.CONFIRMED, AppointmentStatus.COMPLETED);
        if (now.isBefore(start) || rating.isPresent()) {
            throw invalidState(current, "A no-show can be reported only after the start and before the patient rates it.");
        }
        return moved(AppointmentStatus.NO_SHOW, now, Optional.of(Role.DOCTOR), reason, cancelledBy, room, rating);
    }

    /** The patient rates a completed consultation, once. */
    public Appointment rate(Instant now, Rating newRating) {
        AppointmentStatus current = require(now, AppointmentStatus.COMPLETED);
        if (rating.isPresent()) {
            throw invalidState(current, "This consultation has already been rated.");
        }
        Appointment settled = settledAt(now);
        return new Appointment(id, slotId, doctorId, patientId, start, end, price, settled.status, version + 1,
                requestedAt, answerBy, reason, cancelledBy, room, Optional.of(newRating), settled.history, settled.origin);
    }

    private AppointmentStatus require(Instant now, AppointmentStatus... allowed) {
        AppointmentStatus current = statusAt(now);
        for (AppointmentStatus status : allowed) {
            if (status == current) {
                return current;
            }
        }
        throw invalidState(current, "Not possible while the appointment is " + current + ".");
    }

    private void requireBeforeStart(Instant now, AppointmentStatus current) {
        if (!now.isBefore(start)) {
            throw invalidState(current, "The consultation has started; it can no longer be cancelled.");
        }
    }

    private static DomainException invalidState(AppointmentStatus current, String message) {
        return new DomainException(ErrorCode.INVALID_APPOINTMENT_STATE, message, Map.of("currentStatus", current.name()));
    }

    /**
     * A move made by someone at {@code at}: a pending time-driven move is applied first, so the history
     * shows it before this one. The version goes up by one from the stored one however many steps.
     */
    private Appointment moved(AppointmentStatus to, Instant at, Optional<Role> by, Optional<String> newReason,
                              Optional<Role> newCancelledBy, Optional<MeetingRoom> newRoom, Optional<Rating> newRating) {
        return settledAt(at).step(to, at, by, newReason, newCancelledBy, newRoom, newRating).withVersion(version + 1);
    }

    private Appointment step(AppointmentStatus to, Instant at, Optional<Role> by, Optional<String> newReason,
                             Optional<Role> newCancelledBy, Optional<MeetingRoom> newRoom, Optional<Rating> newRating) {
        List<Transition> newHistory = new ArrayList<>(history);
        newHistory.add(new Transition(status, to, at, by));
        // The origin served only to judge the request while it waited: no move keeps it.
        return new Appointment(id, slotId, doctorId, patientId, start, end, price, to, version + 1, requestedAt, answerBy,
                newReason, newCancelledBy, newRoom, newRating, newHistory, Optional.empty());
    }

    private Appointment withVersion(long newVersion) {
        return new Appointment(id, slotId, doctorId, patientId, start, end, price, status, newVersion, requestedAt,
                answerBy, reason, cancelledBy, room, rating, history, origin);
    }

    /** One step of the life cycle; {@code by} is empty for the moves time makes. */
    public record Transition(AppointmentStatus from, AppointmentStatus to, Instant at, Optional<Role> by) {
        public Transition {
            Objects.requireNonNull(to);
            Objects.requireNonNull(at);
            Objects.requireNonNull(by);
        }
    }

    /** A patient's rating of a completed consultation: 1 to 5 stars and an optional comment. */
    public record Rating(int stars, Optional<String> comment, Instant ratedAt) {
        public Rating {
            if (stars < 1 || stars > 5) {
                throw new IllegalArgumentException("stars must be 1 to 5");
            }
            Objects.requireNonNull(comment);
            Objects.requireNonNull(ratedAt);
        }
    }
}
