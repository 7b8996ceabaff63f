package br.com.healthmed.scheduling;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.PlatformErrors;
import br.com.healthmed.platform.security.Role;
import br.com.healthmed.telehealth.MeetingRoom;
import br.com.healthmed.telehealth.MeetingRooms;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Moving an appointment to another slot of its doctor: the patient's reschedule, and the doctor's
 * proposed time that the patient accepts or declines. The appointment keeps its id and its history
 * (a {@code RESCHEDULED} step records both times).
 *
 * <p>The new slot is claimed before the old one is freed, so the patient never holds neither; no
 * slot is ever held by two appointments. In this order:
 * <ol>
 *   <li>the move is noted on the appointment ({@code pendingMove}: the slot and a hold key unique to
 *       this attempt), one version-guarded write, and the sweep is asked to look at it after the grace;</li>
 *   <li>the new slot is claimed for the same appointment under that hold key (the commit point for the
 *       slot: one conditional write). While the appointment's pending move names that hold, the hold
 *       stands ({@link Holds}); once the move is done or given up, it is a leftover anyone may take over;</li>
 *   <li>the appointment moves (slot, times, history; the pending move cleared), written only over the
 *       version that noted the move;</li>
 *   <li>the old slot is freed, exactly the hold the appointment had on it.</li>
 * </ol>
 * A crash between steps leaves at most the two slots held by the same appointment; the sweep then
 * finishes the move (the new slot is claimed) or undoes it (it is not), each by a version-guarded
 * write, so a stalled attempt waking up later finds the version changed and can no longer commit.
 */
@Service
public class Rescheduling {

    private static final Logger log = LoggerFactory.getLogger(Rescheduling.class);
    private static final int ATTEMPTS = 5;
    /** How long a doctor's proposed time waits for the patient at most (never past either start). */
    static final Duration PROPOSAL_TTL = Duration.ofHours(24);
    /** How a proposal's move key begins; the rest is the proposal's id, shown to the patient. */
    private static final String PROPOSAL_KEY = "proposal ";
    /**
     * Moves (reschedules, proposed times, declines) one appointment may record: each is a history step
     * inside the appointment's item, which DynamoDB caps at 400 KB (about 800 steps); 20 is far more
     * than any real consultation needs and keeps every read and event derivation small.
     */
    static final int MAX_MOVE_STEPS = 20;

    private final AppointmentStore appointments;
    private final SlotStore slots;
    private final Holds holds;
    private final EventRelay relay;
    private final TakenSlots takenSlots;
    private final MeetingRooms meetingRooms;
    private final RequestExpiry expiry;
    private final DoctorBookingRules rules;
    private final ActiveBookings activeBookings;
    private final SchedulingProperties properties;
    private final Clock clock;

    Rescheduling(AppointmentStore appointments, SlotStore slots, Holds holds, EventRelay relay, TakenSlots takenSlots,
                 MeetingRooms meetingRooms, RequestExpiry expiry, DoctorBookingRules rules, ActiveBookings activeBookings,
                 SchedulingProperties properties, Clock clock) {
        this.activeBookings = activeBookings;
        this.appointments = appointments;
        this.slots = slots;
        this.holds = holds;
        this.relay = relay;
        this.takenSlots = takenSlots;
        this.meetingRooms = meetingRooms;
        this.expiry = expiry;
        this.rules = rules;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The patient moves their request or confirmed consultation to another free slot of the same doctor.
     * A confirmed consultation becomes a request again unless the doctor books instantly (then its
     * meeting room follows the new time). Sending the same {@code idempotencyKey} again returns the
     * moved appointment.
     */
    public Appointment reschedule(AccountId patientId, AppointmentId id, SlotId target, String idempotencyKey) {
        Instant now = clock.instant();
        Appointment current = own(id, patientId, Role.PATIENT);
        // any earlier move of this request, not only the last: a late retry must never move it back
        Optional<Appointment.Move> earlier = current.moveByKey(idempotencyKey);
        if (earlier.isPresent()) {
            if (earlier.get().toSlot().equals(target)) {
                return current.settledAt(now);
            }
            throw keyReused();
        }
        current.requireMovable(now);
        requireMovesLeft(current);
        Slot slot = targetSlot(current, target, now);
        DoctorBookingRules.check(rules.of(current.doctorId()), slot.start(), now);
        if (takenSlots.isTakenByAnother(target, id)) {
            throw unavailable();
        }
        return move(current, slot, idempotencyKey, false, now.plus(properties.staleHoldGrace()));
    }

    /**
     * The doctor proposes another of their free slots; it is held for the patient until they answer
     * (at most a day, and never past either start). The consultation stays where it is until then.
     * Proposing the same slot again while that proposal waits, or once the patient accepted it, is a
     * retry: it answers the appointment as it is, after telling the patient if the first call stopped
     * before that. After the patient declined it, the same slot again is a new proposal.
     */
    public Appointment proposeNewTime(AccountId doctorId, AppointmentId id, SlotId target) {
        Instant now = clock.instant();
        Appointment current = own(id, doctorId, Role.DOCTOR);
        Optional<Appointment.PendingMove> waiting = current.pendingMove()
                .filter(p -> p.proposal() && p.slot().equals(target) && now.isBefore(p.until()));
        if (waiting.isPresent()) {
            return told(current, waiting.get()) ? current.settledAt(now) : tell(current, waiting.get(), now);
        }
        if (current.slotId().equals(target) && current.lastMove().filter(m -> isProposal(current, m.key())).isPresent()) {
            return current.settledAt(now); // the patient accepted this very proposal
        }
        current.requireMovable(now);
        requireMovesLeft(current);
        Slot slot = targetSlot(current, target, now);
        Instant until = earliest(now.plus(PROPOSAL_TTL), current.start(), slot.start());
        Appointment held = claimFor(begin(current, slot, PROPOSAL_KEY + UUID.randomUUID(), true, until), slot);
        return tell(held, held.pendingMove().orElseThrow(), now);
    }

    /** The proposal's last step: the patient is told (event and e-mail); the slot is claimed already. */
    private Appointment tell(Appointment held, Appointment.PendingMove pending, Instant now) {
        Slot slot = slots.find(pending.slot()).filter(s -> ownHold(s, held.id(), pending))
                .orElseThrow(Contention::changingNow); // undone meanwhile (its claim lost): the doctor proposes again
        Appointment current = held;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Appointment told = current.proposalStep(now, Role.DOCTOR, Appointment.MoveKind.PROPOSED, slot, pending.key(),
                    Optional.of(pending));
            relay.expect(Optional.of(current), told);
            if (appointments.update(told, current.version())) {
                relay.soon(Optional.of(current), told);
                return told.settledAt(now);
            }
            current = appointments.find(held.id()).filter(a -> a.pendingMove().equals(Optional.of(pending)))
                    .orElseThrow(Contention::changingNow);
            if (told(current, pending)) {
                return current.settledAt(now); // told by a copy of this request meanwhile
            }
        }
        throw Contention.changingNow();
    }

    /** The id a pending proposal is answered by ({@code proposedTime.id}). */
    public static String proposalId(Appointment.PendingMove proposal) {
        return proposal.key().substring(PROPOSAL_KEY.length());
    }

    /**
     * The patient answers the doctor's proposed time: accepted, the consultation moves there; declined, it
     * stays. {@code proposalId} ({@code proposedTime.id}) names the proposal answered (any waiting one when
     * empty), so that an answer sent again never answers a newer proposal: when that proposal was already
     * answered the same way, the appointment is answered as it is.
     */
    public Appointment respondToProposal(AccountId patientId, AppointmentId id, boolean accept, Optional<String> proposalId) {
        Instant now = clock.instant();
        Appointment current = own(id, patientId, Role.PATIENT);
        Optional<String> key = proposalId.map(p -> PROPOSAL_KEY + p);
        Optional<Appointment.PendingMove> waiting = current.pendingMove().filter(Appointment.PendingMove::proposal)
                .filter(p -> now.isBefore(p.until())).filter(p -> key.map(p.key()::equals).orElse(true));
        if (waiting.isEmpty()) {
            Appointment.MoveKind same = accept ? Appointment.MoveKind.DONE : Appointment.MoveKind.DECLINED;
            if (lastAnswerTo(current, key).filter(same::equals).isPresent()) {
                return current.settledAt(now); // answered so already: the first answer was lost
            }
            throw new DomainException(SchedulingErrors.NO_PENDING_PROPOSAL, "There is no proposed time to answer.");
        }
        Appointment.PendingMove pending = waiting.get();
        current.requireMovable(now);
        Slot slot = slots.find(pending.slot()).orElseThrow(() -> new DomainException(SchedulingErrors.NO_PENDING_PROPOSAL,
                "The proposed slot no longer exists."));
        if (!accept) {
            Appointment declined = current.proposalStep(now, Role.PATIENT, Appointment.MoveKind.DECLINED, slot, pending.key(),
                    Optional.empty());
            relay.expect(Optional.of(current), declined);
            if (!appointments.update(declined, current.version())) {
                throw Contention.changingNow();
            }
            relay.soon(Optional.of(current), declined);
            releaseHold(pending, id);
            return declined.settledAt(now);
        }
        if (!ownHold(slot, id, pending)) {
            throw new DomainException(SchedulingErrors.NO_PENDING_PROPOSAL, "The proposed slot is no longer held for you.");
        }
        return commit(current, slot, pending, Role.PATIENT, true);
    }

    /**
     * The sweep's step: finishes a move that stalled past the grace with its new slot claimed, undoes
     * one whose slot is not (or a proposal nobody answered in time), and frees the slot a finished move
     * left behind if that step was lost. True when something was healed.
     */
    boolean heal(AppointmentId id) {
        Optional<Appointment> found = appointments.find(id);
        if (found.isEmpty()) {
            return false;
        }
        Appointment current = found.get();
        Instant now = clock.instant();
        if (current.pendingMove().isEmpty()) {
            return freeLeftSlot(current);
        }
        Appointment.PendingMove pending = current.pendingMove().get();
        Instant healFrom = healFrom(current, pending);
        if (now.isBefore(healFrom) && current.isActiveAt(now)) {
            appointments.scheduleCheck(new AppointmentStore.DueCheck(id, healFrom));
            return false;
        }
        Optional<Slot> slot = slots.find(pending.slot());
        if (!pending.proposal() && slot.isPresent() && ownHold(slot.get(), id, pending) && current.isActiveAt(now)
                && slot.get().start().isAfter(now)) {
            try {
                commit(current, slot.get(), pending, Role.PATIENT, false);
                log.info("Finished the move of appointment {} that stalled after claiming its new slot", id);
                return true;
            } catch (DomainException refused) {
                log.info("Could not finish the move of appointment {} ({}); undoing it", id, refused.code());
            }
        }
        undo(id, pending);
        return true;
    }

    /**
     * How the patient last answered a proposal (the one of {@code proposalKey}, or any): an accepted one is
     * the move its acceptance made (DONE under the proposal's key), a declined one DECLINED.
     */
    private static Optional<Appointment.MoveKind> lastAnswerTo(Appointment appointment, Optional<String> proposalKey) {
        List<Appointment.Transition> history = appointment.history();
        for (int i = history.size() - 1; i >= 0; i--) {
            Appointment.Transition step = history.get(i);
            Optional<Appointment.Move> move = step.move().filter(m -> step.by().equals(Optional.of(Role.PATIENT))
                    && (m.kind() == Appointment.MoveKind.DECLINED || m.kind() == Appointment.MoveKind.DONE)
                    && isProposal(appointment, m.key()));
            if (move.isPresent() && proposalKey.map(move.get().key()::equals).orElse(true)) {
                return Optional.of(move.get().kind());
            }
        }
        return Optional.empty();
    }

    /** Whether {@code key} is a proposal the doctor made to this appointment (its PROPOSED step carries it). */
    private static boolean isProposal(Appointment appointment, String key) {
        return key.startsWith(PROPOSAL_KEY) && appointment.history().stream().anyMatch(t -> t.by().equals(Optional.of(Role.DOCTOR))
                && t.move().filter(m -> m.kind() == Appointment.MoveKind.PROPOSED && m.key().equals(key)).isPresent());
    }

    /**
     * When a pending move stalled: at its end (a move's is the grace after it began; a proposal's is the
     * patient's time to answer), except that a proposal the patient was never told of (its instance
     * died between claiming the slot and telling) stalled after the grace too: it is undone then,
     * rather than holding the slot for a day for nobody.
     */
    private Instant healFrom(Appointment current, Appointment.PendingMove pending) {
        if (!pending.proposal() || told(current, pending)) {
            return pending.until();
        }
        return earliest(pending.since().plus(properties.staleHoldGrace()), pending.until(), pending.until());
    }

    private static boolean told(Appointment current, Appointment.PendingMove pending) {
        return current.toldOf(pending).isPresent();
    }

    // --- the steps --------------------------------------------------------------------------------

    private Appointment move(Appointment current, Slot slot, String key, boolean proposal, Instant until) {
        Appointment begun = begin(current, slot, key, proposal, until);
        if (begun.pendingMove().filter(p -> p.key().equals(key)).isEmpty()) {
            return begun.settledAt(clock.instant()); // a copy of this request finished it meanwhile
        }
        Appointment intended = claimFor(begun, slot);
        return commit(intended, slot, intended.pendingMove().orElseThrow(), Role.PATIENT, false);
    }

    /**
     * Never a move onto the slot the appointment has: its hold would be taken for the move's and then
     * freed as the slot "left", leaving the appointment on a slot anyone could book. Checked again on
     * every fresh read, since a copy of the request (or the sweep) may have finished the move meanwhile.
     */
    private static void requireAnotherSlot(Appointment current, SlotId target) {
        if (current.slotId().equals(target)) {
            throw alreadyOnSlot();
        }
    }

    private void requireMovesLeft(Appointment current) {
        if (current.moveSteps() >= MAX_MOVE_STEPS) {
            throw new DomainException(SchedulingErrors.TOO_MANY_MOVES, "This appointment has been moved or had times proposed "
                    + MAX_MOVE_STEPS + " times; cancel it and book again.", Map.of("maxMoves", MAX_MOVE_STEPS));
        }
    }

    /** Step 1: notes the move on the appointment (healing a stale one first); returns the appointment as written. */
    private Appointment begin(Appointment current, Slot slot, String key, boolean proposal, Instant until) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            if (!proposal && current.moveByKey(key).filter(m -> m.toSlot().equals(slot.id())).isPresent()) {
                return current; // finished by a copy of this request (or the sweep)
            }
            requireAnotherSlot(current, slot.id());
            if (current.pendingMove().isPresent()) {
                Appointment.PendingMove other = current.pendingMove().get();
                boolean sameRequest = !other.proposal() && !proposal && other.key().equals(key) && other.slot().equals(slot.id());
                if (!sameRequest && other.proposal() && now.isBefore(other.until())) {
                    throw new DomainException(SchedulingErrors.MOVE_IN_PROGRESS,
                            "The doctor proposed another time for this appointment; answer that proposal first.",
                            Map.of("proposal", true, "retryAfterSeconds", Duration.between(now, other.until()).toSeconds() + 1));
                }
                if (!sameRequest && now.isBefore(other.until())) {
                    throw new DomainException(SchedulingErrors.MOVE_IN_PROGRESS, "This appointment is being moved right now; try again.",
                            Map.of("proposal", false, "retryAfterSeconds", Duration.between(now, other.until()).toSeconds() + 1));
                }
                if (!sameRequest) {
                    heal(current.id());
                    current = reread(current.id());
                    continue;
                }
                // the same request again (a retry while the first attempt may still run): this attempt
                // takes over with a hold key of its own, and the first one can no longer commit
            }
            Appointment.PendingMove pending = new Appointment.PendingMove(slot.id(), key,
                    "move " + UUID.randomUUID(), now, proposal, until);
            Appointment intended = current.withPendingMove(pending);
            if (appointments.update(intended, current.version())) {
                appointments.scheduleCheck(new AppointmentStore.DueCheck(current.id(), healFrom(intended, pending)));
                return intended;
            }
            current = reread(current.id());
            current.requireMovable(now);
        }
        throw Contention.changingNow();
    }

    /** Step 2: claims the slot under the pending move's hold key, or gives the move up and refuses. */
    private Appointment claimFor(Appointment intended, Slot slot) {
        Appointment.PendingMove pending = intended.pendingMove().orElseThrow();
        Optional<Slot> claimed;
        try {
            Slot fresh = slots.find(slot.id()).orElseThrow(() -> DomainException.notFound("Slot"));
            Optional<Slot.Hold> replacing;
            requireAnotherSlot(intended, slot.id());
            if (fresh.hold().filter(h -> h.appointmentId().equals(intended.id())).isPresent()) {
                // this appointment's own: an earlier attempt, or a leftover — unless a copy of this
                // request has just moved the appointment there (then that hold is its slot's)
                if (reread(intended.id()).slotId().equals(slot.id())) {
                    clearPending(intended.id(), pending);
                    throw alreadyOnSlot();
                }
                replacing = fresh.hold();
            } else {
                Holds.Replaceable replaceable = holds.replaceable(fresh);
                if (replaceable.live()) {
                    takenSlots.taken(slot.id(), fresh.hold().orElseThrow().appointmentId());
                    undo(intended.id(), pending);
                    throw unavailable();
                }
                replacing = replaceable.staleHold();
            }
            claimed = slots.claim(slot.id(), new Slot.Hold(intended.id(), intended.patientId(), pending.holdKey(), clock.instant()),
                    replacing);
        } catch (RuntimeException failed) {
            if (!(failed instanceof DomainException refused && refused.code() == SchedulingErrors.SLOT_UNAVAILABLE)) {
                undo(intended.id(), pending);
            }
            throw failed;
        }
        if (claimed.flatMap(Slot::hold).filter(h -> h.idempotencyKey().equals(pending.holdKey())).isEmpty()) {
            undo(intended.id(), pending);
            throw unavailable();
        }
        takenSlots.taken(slot.id(), intended.id());
        return intended;
    }

    /**
     * Step 3 and 4: moves the appointment (only over the version that holds this pending move), then
     * frees the slot it left. A concurrent change (the doctor accepting, say) is computed again; a move
     * finished or undone meanwhile by the sweep is answered as it stands.
     */
    private Appointment commit(Appointment intended, Slot slot, Appointment.PendingMove pending, Role by, boolean keepStatus) {
        if (intended.slotId().equals(slot.id())) {
            clearPending(intended.id(), pending); // and never release: that hold is the appointment's own slot
            throw alreadyOnSlot();
        }
        Optional<Slot.Hold> left = slots.find(intended.slotId()).flatMap(Slot::hold)
                .filter(h -> h.appointmentId().equals(intended.id()));
        Appointment current = intended;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            Appointment moved;
            try {
                moved = current.rescheduledTo(slot, now, by, pending.key(), movedRoom(current, slot, keepStatus),
                        expiry.answerBy(now, slot.start()));
            } catch (DomainException ended) {
                undo(current.id(), pending);
                throw ended;
            }
            relay.expect(Optional.of(current), moved);
            if (appointments.update(moved, current.version())) {
                afterMove(current, moved, left, now);
                return moved.settledAt(now);
            }
            Appointment again = reread(current.id());
            if (again.lastMove().filter(m -> m.key().equals(pending.key()) && m.toSlot().equals(slot.id())).isPresent()) {
                return again.settledAt(now); // finished by someone else (the sweep, or a copy of this request)
            }
            if (!again.pendingMove().equals(Optional.of(pending))) {
                releaseHold(pending, again.id()); // given up meanwhile: our claim must not linger
                throw Contention.changingNow();
            }
            current = again;
        }
        throw Contention.changingNow();
    }

    private void afterMove(Appointment before, Appointment moved, Optional<Slot.Hold> left, Instant now) {
        left.ifPresent(hold -> bestEffort("free the slot left by", moved, () -> slots.release(before.slotId(), hold)));
        takenSlots.freed(before.slotId());
        AppointmentStore.DueCheck check = moved.status() == AppointmentStatus.CONFIRMED
                ? new AppointmentStore.DueCheck(moved.id(), moved.end()) : new AppointmentStore.DueCheck(moved.id(), moved.answerBy());
        bestEffort("schedule the next check of", moved, () -> appointments.scheduleCheck(check));
        // The patient's place counts until the appointment's start: carried to the new start, or it
        // would stop counting at the old one and let the patient book this doctor a second time.
        bestEffort("carry the booking limit's place of", moved, () -> {
            activeBookings.release(moved.patientId(), moved.id());
            activeBookings.reserve(moved.patientId(), new ActiveBookings.Reservation(moved.id(), moved.slotId(), moved.doctorId(),
                    moved.start(), now), properties.maxActivePerPatient(), now);
        });
        relay.soon(Optional.of(before), moved);
    }

    /** A confirmed consultation keeps its room, at the new time, when it stays confirmed; none otherwise. */
    private Optional<MeetingRoom> movedRoom(Appointment current, Slot slot, boolean keepStatus) {
        if (current.status() != AppointmentStatus.CONFIRMED || !(keepStatus || rules.of(current.doctorId()).instantBooking())) {
            return Optional.empty();
        }
        MeetingRoom opened = meetingRooms.open(slot.start(), slot.end());
        return Optional.of(current.room().map(r -> new MeetingRoom(r.name(), opened.opensAt(), opened.closesAt())).orElse(opened));
    }

    /** Gives the move up: clears it on the appointment (if it is still this one), then frees its claim. */
    private void undo(AppointmentId id, Appointment.PendingMove pending) {
        try {
            clearPending(id, pending);
            releaseHold(pending, id);
        } catch (RuntimeException e) {
            log.warn("Could not undo the move of appointment {}; the sweep will: {}", id, e.toString());
        }
    }

    /** Clears the pending move on the appointment, if it is still this one. */
    private void clearPending(AppointmentId id, Appointment.PendingMove pending) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<Appointment> current = appointments.find(id);
            if (current.isEmpty() || !current.get().pendingMove().equals(Optional.of(pending))) {
                return;
            }
            if (appointments.update(current.get().withoutPendingMove(), current.get().version())) {
                return;
            }
        }
    }

    private void releaseHold(Appointment.PendingMove pending, AppointmentId id) {
        slots.find(pending.slot()).flatMap(Slot::hold)
                .filter(h -> h.appointmentId().equals(id) && h.idempotencyKey().equals(pending.holdKey()))
                .ifPresent(h -> slots.release(pending.slot(), h));
    }

    /** A finished move whose last step (freeing the old slot) was lost: frees it now. */
    private boolean freeLeftSlot(Appointment current) {
        Optional<Appointment.Move> last = current.lastMove();
        if (last.isEmpty() || last.get().fromSlot().equals(current.slotId())) {
            return false;
        }
        // Only the hold the appointment had before that move: one claimed after it belongs to a newer
        // move of the appointment back onto that slot (which this sweep must not free under it).
        Instant movedAt = current.history().stream().filter(t -> t.move().equals(last)).map(Appointment.Transition::at)
                .reduce((first, second) -> second).orElse(Instant.MIN);
        Optional<Slot.Hold> leftover = slots.find(last.get().fromSlot()).flatMap(Slot::hold)
                .filter(h -> h.appointmentId().equals(current.id()) && h.claimedAt().isBefore(movedAt));
        leftover.ifPresent(h -> slots.release(last.get().fromSlot(), h));
        return leftover.isPresent();
    }

    private boolean ownHold(Slot slot, AppointmentId id, Appointment.PendingMove pending) {
        return slot.hold().filter(h -> h.appointmentId().equals(id) && h.idempotencyKey().equals(pending.holdKey())).isPresent();
    }

    private Appointment own(AppointmentId id, AccountId caller, Role role) {
        return appointments.find(id)
                .filter(a -> (role == Role.DOCTOR ? a.doctorId() : a.patientId()).equals(caller))
                .orElseThrow(() -> DomainException.notFound("Appointment"));
    }

    private Appointment reread(AppointmentId id) {
        return appointments.find(id).orElseThrow(() -> DomainException.notFound("Appointment"));
    }

    private Slot targetSlot(Appointment current, SlotId target, Instant now) {
        Slot slot = slots.find(target).orElseThrow(() -> DomainException.notFound("Slot"));
        if (!slot.doctorId().equals(current.doctorId())) {
            throw DomainException.invalid(SchedulingErrors.SLOT_OF_ANOTHER_DOCTOR, "slotId",
                    "An appointment can move only to another slot of the same doctor.");
        }
        requireAnotherSlot(current, slot.id());
        if (!slot.start().isAfter(now)) {
            throw new DomainException(SchedulingErrors.SLOT_UNAVAILABLE, "This slot has already started.");
        }
        return slot;
    }

    private static Instant earliest(Instant a, Instant b, Instant c) {
        Instant min = a.isBefore(b) ? a : b;
        return min.isBefore(c) ? min : c;
    }

    private static void bestEffort(String what, Appointment appointment, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            log.warn("Could not {} appointment {}; the sweep heals it: {}", what, appointment.id(), e.toString());
        }
    }

    private static DomainException keyReused() {
        return DomainException.invalid(PlatformErrors.IDEMPOTENCY_KEY_REUSED, "idempotencyKey",
                "This idempotency key was already used to move the appointment to another slot; use a new key.");
    }

    private static DomainException alreadyOnSlot() {
        return DomainException.invalid(PlatformErrors.BAD_USER_INPUT, "slotId", "The appointment is already on this slot.");
    }

    private static DomainException unavailable() {
        return new DomainException(SchedulingErrors.SLOT_UNAVAILABLE, "This slot has just been taken; choose another one.");
    }

}
