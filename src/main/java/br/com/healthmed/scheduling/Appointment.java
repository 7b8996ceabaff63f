package br.com.healthmed.scheduling;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.security.Role;
import br.com.healthmed.telehealth.MeetingRoom;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * A consultation booked on a slot, and the only place its life-cycle rules live. Every change returns
 * a new appointment with {@code version + 1}; stores write it only over the version it was made from,
 * so of two concurrent changes exactly one lands.
 *
 * <p>Time moves some appointments by itself: a request nobody answered is {@code EXPIRED} from its
 * {@code answerBy} (at the latest the start), a confirmed consultation is {@code COMPLETED} from the end. {@link #settledAt} applies those
 * moves; reads and the periodic sweep both use it, so they always agree.
 */
@NamedInterface("api")
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
        Optional<BookingOrigin> origin,
        Optional<PendingMove> pendingMove) {

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
        Objects.requireNonNull(pendingMove);
        history = List.copyOf(history);
    }

    /** An appointment without a move in progress (as stored before reschedules existed). */
    public Appointment(AppointmentId id, SlotId slotId, AccountId doctorId, AccountId patientId, Instant start, Instant end,
                       Optional<BigDecimal> price, AppointmentStatus status, long version, Instant requestedAt,
                       Instant answerBy, Optional<String> reason, Optional<Role> cancelledBy, Optional<MeetingRoom> room,
                       Optional<Rating> rating, List<Transition> history, Optional<BookingOrigin> origin) {
        this(id, slotId, doctorId, patientId, start, end, price, status, version, requestedAt, answerBy, reason, cancelledBy,
                room, rating, history, origin, Optional.empty());
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
                origin.equals(BookingOrigin.UNKNOWN) ? Optional.empty() : Optional.of(origin), Optional.empty());
    }

    /**
     * A waitlist offer of a freed slot to one waiting patient: it holds the slot for them alone until
     * {@code until} (then it is {@code EXPIRED} and the slot passes on), and becomes a request when accepted.
     */
    public static Appointment offered(AppointmentId id, Slot slot, AccountId patientId, Optional<BigDecimal> price,
                                      Instant now, Instant until) {
        if (until.isAfter(slot.start()) || !until.isAfter(now)) {
            throw new IllegalArgumentException("an offer is open between now and the start");
        }
        return new Appointment(id, slot.id(), slot.doctorId(), patientId, slot.start(), slot.end(), price,
                AppointmentStatus.OFFERED, 1, now, until, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(new Transition(null, AppointmentStatus.OFFERED, now, Optional.empty())),
                Optional.empty(), Optional.empty());
    }

    /** The status once time has had its say: what every reader must show. */
    public AppointmentStatus statusAt(Instant now) {
        if ((status == AppointmentStatus.REQUESTED || status == AppointmentStatus.OFFERED) && !now.isBefore(answerBy)) {
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
        return step(settled, when, Optional.empty(), reason, cancelledBy, room, rating, Optional.empty(), false);
    }

    /** Whether this appointment still occupies its slot and counts against the patient's limits. */
    public boolean isActiveAt(Instant now) {
        return statusAt(now).isActive();
    }

    public Appointment accept(Instant now, MeetingRoom newRoom) {
        require(now, AppointmentStatus.REQUESTED);
        return moved(AppointmentStatus.CONFIRMED, now, Optional.of(Role.DOCTOR), reason, cancelledBy, Optional.of(newRoom), rating);
    }

    /** A request confirmed at once by the doctor's instant-booking rule (the doctor's standing answer). */
    public Appointment confirmedInstantly(Instant now, MeetingRoom newRoom) {
        return accept(now, newRoom).withVersion(version);
    }

    public Appointment reject(Instant now, String why) {
        require(now, AppointmentStatus.REQUESTED);
        return moved(AppointmentStatus.REJECTED, now, Optional.of(Role.DOCTOR), Optional.of(why), cancelledBy, room, rating);
    }

    /**
     * The patient calls off a request or a confirmed consultation before it starts. Less than
     * {@code lateNotice} before the start it counts as a late cancellation, recorded on the step.
     */
    public Appointment cancelByPatient(Instant now, String justification, Duration lateNotice) {
        AppointmentStatus current = require(now, AppointmentStatus.REQUESTED, AppointmentStatus.CONFIRMED);
        requireBeforeStart(now, current);
        boolean late = now.plus(lateNotice).isAfter(start);
        return settledAt(now).step(AppointmentStatus.CANCELLED, now, Optional.of(Role.PATIENT), Optional.of(justification),
                Optional.of(Role.PATIENT), room, rating, Optional.empty(), late).withVersion(version + 1);
    }

    /** {@link #cancelByPatient(Instant, String, Duration)} without a late-cancellation notice. */
    public Appointment cancelByPatient(Instant now, String justification) {
        return cancelByPatient(now, justification, Duration.ZERO);
    }

    /** The doctor calls off a confirmed consultation before it starts (a request is rejected instead). */
    public Appointment cancelByDoctor(Instant now, String why) {
        requireBeforeStart(now, require(now, AppointmentStatus.CONFIRMED));
        return moved(AppointmentStatus.CANCELLED, now, Optional.of(Role.DOCTOR), Optional.of(why),
                Optional.of(Role.DOCTOR), room, rating);
    }

    /**
     * The waiting patient takes the offered slot: it becomes their request (answered by {@code answerBy}),
     * or, with the doctor's instant booking ({@code room} given), their confirmed consultation.
     */
    public Appointment acceptOffer(Instant now, Instant newAnswerBy, Optional<MeetingRoom> instantRoom) {
        require(now, AppointmentStatus.OFFERED);
        Appointment requested = settledAt(now).step(AppointmentStatus.REQUESTED, now, Optional.of(Role.PATIENT), reason,
                cancelledBy, room, rating, Optional.empty(), false).withAnswerBy(newAnswerBy);
        Appointment result = instantRoom.isEmpty() ? requested
                : requested.step(AppointmentStatus.CONFIRMED, now, Optional.of(Role.DOCTOR), reason, cancelledBy, instantRoom, rating,
                        Optional.empty(), false);
        return result.withVersion(version + 1);
    }

    /** The waiting patient turns the offer down: the slot passes to the next in line. */
    public Appointment declineOffer(Instant now) {
        require(now, AppointmentStatus.OFFERED);
        return moved(AppointmentStatus.CANCELLED, now, Optional.of(Role.PATIENT), reason, Optional.of(Role.PATIENT), room, rating);
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
                requestedAt, answerBy, reason, cancelledBy, room, Optional.of(newRating), settled.history, settled.origin,
                settled.pendingMove);
    }

    // --- moving to another time -------------------------------------------------------------------

    /**
     * Whether the appointment may move now: a request or a confirmed consultation before its start
     * ({@code INVALID_APPOINTMENT_STATE} otherwise).
     */
    public void requireMovable(Instant now) {
        requireBeforeStart(now, require(now, AppointmentStatus.REQUESTED, AppointmentStatus.CONFIRMED));
    }

    /** The same appointment about to move (or proposed to move) to another slot: no step, no event. */
    public Appointment withPendingMove(PendingMove move) {
        return new Appointment(id, slotId, doctorId, patientId, start, end, price, status, version + 1, requestedAt, answerBy,
                reason, cancelledBy, room, rating, history, origin, Optional.of(move));
    }

    /** The same appointment with its pending move given up; its slot and times stay as they were. */
    public Appointment withoutPendingMove() {
        return new Appointment(id, slotId, doctorId, patientId, start, end, price, status, version + 1, requestedAt, answerBy,
                reason, cancelledBy, room, rating, history, origin, Optional.empty());
    }

    /**
     * The appointment on {@code to}, with a {@code RESCHEDULED} step that records both times. A
     * confirmed consultation stays confirmed only when {@code movedRoom} is given (the doctor books
     * instantly; its room follows the new time); otherwise it is a request again, answered by
     * {@code newAnswerBy}. The pending move is cleared.
     */
    public Appointment rescheduledTo(Slot to, Instant now, Role by, String key, Optional<MeetingRoom> movedRoom,
                                     Instant newAnswerBy) {
        requireMovable(now);
        Appointment current = settledAt(now);
        boolean staysConfirmed = current.status == AppointmentStatus.CONFIRMED && movedRoom.isPresent();
        AppointmentStatus next = staysConfirmed ? AppointmentStatus.CONFIRMED : AppointmentStatus.REQUESTED;
        Move move = new Move(MoveKind.DONE, slotId, start, end, to.id(), to.start(), to.end(), key);
        List<Transition> newHistory = new ArrayList<>(current.history);
        newHistory.add(new Transition(current.status, next, now, Optional.of(by), Optional.of(move), false));
        return new Appointment(id, to.id(), doctorId, patientId, to.start(), to.end(), price, next, version + 1, requestedAt,
                staysConfirmed ? answerBy : newAnswerBy, reason, cancelledBy, staysConfirmed ? movedRoom : Optional.empty(),
                rating, newHistory, Optional.empty(), Optional.empty());
    }

    /**
     * A step that tells about a proposed time or its refusal; the appointment stays where it is. The
     * step carries the proposal's key ({@code proposalKey}), so its answers are told apart from those to
     * another proposal of the same slot.
     */
    public Appointment proposalStep(Instant now, Role by, MoveKind kind, Slot proposed, String proposalKey,
                                    Optional<PendingMove> pending) {
        requireMovable(now);
        Appointment current = settledAt(now);
        List<Transition> newHistory = new ArrayList<>(current.history);
        newHistory.add(new Transition(current.status, current.status, now, Optional.of(by),
                Optional.of(new Move(kind, slotId, start, end, proposed.id(), proposed.start(), proposed.end(), proposalKey)), false));
        return new Appointment(id, slotId, doctorId, patientId, start, end, price, current.status, version + 1, requestedAt,
                answerBy, reason, cancelledBy, room, rating, newHistory, current.origin, pending);
    }

    /** The slot the appointment was first booked on (a retried booking request is matched against it). */
    public SlotId bookedSlotId() {
        return history.stream().flatMap(t -> t.move().stream()).filter(m -> m.kind() == MoveKind.DONE)
                .findFirst().map(Move::fromSlot).orElse(slotId);
    }

    /** Whether this appointment began as a waitlist offer. */
    boolean beganAsOffer() {
        return history.get(0).to() == AppointmentStatus.OFFERED;
    }

    /** Whether it began as a waitlist offer that the patient took: its second step is their request. */
    boolean offerTaken() {
        return beganAsOffer() && history.size() > 1 && history.get(1).to() == AppointmentStatus.REQUESTED;
    }

    /** The finished move this request ({@code key}) made, if it made one: a reschedule's key is used once. */
    public Optional<Move> moveByKey(String key) {
        return history.stream().map(Transition::move).flatMap(Optional::stream)
                .filter(m -> m.kind() == MoveKind.DONE && m.key().equals(key)).findFirst();
    }

    /** How many moves (done, proposed or declined) the history holds: bounded, so the item stays small. */
    public long moveSteps() {
        return history.stream().filter(t -> t.move().isPresent()).count();
    }

    /**
     * The step that told the patient of {@code proposal}, if it was told: the PROPOSED step carrying its
     * key (steps written before proposals carried their key, empty, are matched by slot and time).
     */
    public Optional<Move> toldOf(PendingMove proposal) {
        for (int i = history.size() - 1; i >= 0; i--) {
            Transition step = history.get(i);
            Optional<Move> told = step.move().filter(m -> m.kind() == MoveKind.PROPOSED && (m.key().equals(proposal.key())
                    || m.key().isEmpty() && m.toSlot().equals(proposal.slot()) && !step.at().isBefore(proposal.since())));
            if (told.isPresent()) {
                return told;
            }
        }
        return Optional.empty();
    }

    /** The latest completed move, if the appointment was ever rescheduled. */
    public Optional<Move> lastMove() {
        Optional<Move> last = Optional.empty();
        for (Transition t : history) {
            if (t.move().filter(m -> m.kind() == MoveKind.DONE).isPresent()) {
                last = t.move();
            }
        }
        return last;
    }

    /** Whether the patient called it off less than the doctor's late-cancellation notice before the start. */
    public boolean lateCancellation() {
        return !history.isEmpty() && history.get(history.size() - 1).late();
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
            throw invalidState(current, "The consultation has started; it can no longer be cancelled or moved.");
        }
    }

    private static DomainException invalidState(AppointmentStatus current, String message) {
        return new DomainException(SchedulingErrors.INVALID_APPOINTMENT_STATE, message, Map.of("currentStatus", current.name()));
    }

    /**
     * A move made by someone at {@code at}: a pending time-driven move is applied first, so the history
     * shows it before this one. The version goes up by one from the stored one however many steps.
     */
    private Appointment moved(AppointmentStatus to, Instant at, Optional<Role> by, Optional<String> newReason,
                              Optional<Role> newCancelledBy, Optional<MeetingRoom> newRoom, Optional<Rating> newRating) {
        return settledAt(at).step(to, at, by, newReason, newCancelledBy, newRoom, newRating, Optional.empty(), false)
                .withVersion(version + 1);
    }

    private Appointment step(AppointmentStatus to, Instant at, Optional<Role> by, Optional<String> newReason,
                             Optional<Role> newCancelledBy, Optional<MeetingRoom> newRoom, Optional<Rating> newRating,
                             Optional<Move> move, boolean late) {
        List<Transition> newHistory = new ArrayList<>(history);
        newHistory.add(new Transition(status, to, at, by, move, late));
        // The origin served only to judge the request while it waited: no move keeps it. An appointment
        // that ends drops its pending move (whose slot hold then counts as free).
        return new Appointment(id, slotId, doctorId, patientId, start, end, price, to, version + 1, requestedAt, answerBy,
                newReason, newCancelledBy, newRoom, newRating, newHistory, Optional.empty(),
                to.isActive() ? pendingMove : Optional.empty());
    }

    private Appointment withVersion(long newVersion) {
        return new Appointment(id, slotId, doctorId, patientId, start, end, price, status, newVersion, requestedAt,
                answerBy, reason, cancelledBy, room, rating, history, origin, pendingMove);
    }

    private Appointment withAnswerBy(Instant newAnswerBy) {
        return new Appointment(id, slotId, doctorId, patientId, start, end, price, status, version, requestedAt,
                newAnswerBy, reason, cancelledBy, room, rating, history, origin, pendingMove);
    }

    /**
     * One step of the life cycle; {@code by} is empty for the moves time makes (and for a waitlist
     * offer, which the service makes). {@code move} is set for a reschedule and a proposed time;
     * {@code late} for a patient's cancellation inside the doctor's late-cancellation notice.
     */
    public record Transition(@Nullable AppointmentStatus from, AppointmentStatus to, Instant at, Optional<Role> by,
                             Optional<Move> move, boolean late) {
        public Transition {
            Objects.requireNonNull(to);
            Objects.requireNonNull(at);
            Objects.requireNonNull(by);
            Objects.requireNonNull(move);
        }

        public Transition(@Nullable AppointmentStatus from, AppointmentStatus to, Instant at, Optional<Role> by) {
            this(from, to, at, by, Optional.empty(), false);
        }
    }

    /** What a step with a move did: moved the appointment, proposed a time, or turned a proposal down. */
    public enum MoveKind { DONE, PROPOSED, DECLINED }

    /** A move between two slots of the appointment's doctor, with both times; {@code key} names the request. */
    public record Move(MoveKind kind, SlotId fromSlot, Instant fromStart, Instant fromEnd, SlotId toSlot, Instant toStart,
                       Instant toEnd, String key) {
        public Move {
            Objects.requireNonNull(kind);
            Objects.requireNonNull(fromSlot);
            Objects.requireNonNull(fromStart);
            Objects.requireNonNull(fromEnd);
            Objects.requireNonNull(toSlot);
            Objects.requireNonNull(toStart);
            Objects.requireNonNull(toEnd);
            Objects.requireNonNull(key);
        }
    }

    /**
     * A move under way, written on the appointment before the new slot is claimed (so that a crash
     * between the steps can be finished or undone, and the new slot's hold is known to be this
     * appointment's): the slot, the request's key, the key of the hold on the slot (unique per attempt),
     * when it began, and whether it is the doctor's proposal waiting for the patient (until {@code until}).
     */
    public record PendingMove(SlotId slot, String key, String holdKey, Instant since, boolean proposal, Instant until) {
        public PendingMove {
            Objects.requireNonNull(slot);
            Objects.requireNonNull(key);
            Objects.requireNonNull(holdKey);
            Objects.requireNonNull(since);
            Objects.requireNonNull(until);
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
