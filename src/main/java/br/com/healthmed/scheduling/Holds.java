package br.com.healthmed.scheduling;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The one rule for whether a slot's hold still stands, for booking, editing and reading agendas. A
 * hold stands while its appointment is active and the slot is the appointment's own, or the slot its
 * move in progress has claimed (the appointment's {@code pendingMove} names that very hold). A hold
 * whose appointment has ended, has moved elsewhere, or was never stored (past the grace) is not in
 * anyone's way; to take such a slot over, its never-stored appointment is first abandoned, so the
 * booking that died half-way can never store it later and put two appointments on one slot. Such a
 * slot is taken over only from exactly the hold judged (appointment, key and claim time), so a newer
 * hold of the same appointment is never overwritten. Likewise a holder that lapsed at its answer
 * deadline (expiry is lazy: reads apply it, the sweep stores it later) has its expiry stored before
 * its slot is taken over, so a late answer to it can never land beside the new holder.
 */
@Component
class Holds {

    /** Rounds of re-reading a slot whose holder keeps changing under this judgement. */
    private static final int ATTEMPTS = 4;

    private final AppointmentStore appointments;
    private final SlotStore slots;
    private final SchedulingProperties properties;
    private final Lapses lapses;
    private final Clock clock;

    /**
     * Stores the expiry of an appointment whose deadline has passed, with its events, under its version;
     * {@code offerOnward}: the slot it frees may go to the waitlist at once.
     */
    interface Lapses {
        void store(AppointmentId id, boolean offerOnward);
    }

    @Autowired
    Holds(AppointmentStore appointments, SlotStore slots, SchedulingProperties properties, Clock clock,
          ObjectProvider<AppointmentLifecycle> lifecycle) {
        // the life cycle stores the expiry as the sweep does (it needs the relay, which needs the waitlist, which needs us)
        this(appointments, slots, properties, (id, offerOnward) -> lifecycle.getObject().settle(id, offerOnward), clock);
    }

    Holds(AppointmentStore appointments, SlotStore slots, SchedulingProperties properties, Lapses lapses, Clock clock) {
        this.appointments = appointments;
        this.slots = slots;
        this.properties = properties;
        this.lapses = lapses;
        this.clock = clock;
    }

    /** For reads: whether the slot is free now, given its holders (loaded in one batch). */
    boolean isFree(Slot slot, Map<AppointmentId, Appointment> holders, Instant now) {
        return slot.hold().isEmpty()
                || !stands(slot, slot.hold().get(), Optional.ofNullable(holders.get(slot.hold().get().appointmentId())), now);
    }

    /** Whether {@code hold} on {@code slot} stands, given its appointment as stored (empty: not stored). */
    boolean stands(Slot slot, Slot.Hold hold, Optional<Appointment> holder, Instant now) {
        if (!hold.isLive(holder, now, properties.staleHoldGrace())) {
            return false;
        }
        if (holder.isEmpty()) {
            return true; // a booking between its claim and its store
        }
        Appointment appointment = holder.get();
        return appointment.slotId().equals(slot.id())
                || appointment.pendingMove().filter(m -> m.slot().equals(slot.id()) && m.holdKey().equals(hold.idempotencyKey()))
                        .isPresent();
    }

    /**
     * For changes: whether the slot's hold stands, or which stale hold the slot may be taken over from.
     * A holder whose deadline has passed is stored as expired first (see the class comment).
     */
    Replaceable replaceable(Slot slot) {
        return replaceable(slot, true);
    }

    /**
     * As {@link #replaceable(Slot)}, for the doctor's own change of the slot (removing, moving, blocking
     * it): a lapsed holder's expiry is stored without offering the slot to the waitlist first, which
     * would put a waiter in the way of the doctor's change.
     */
    Replaceable replaceableByTheDoctor(Slot slot) {
        return replaceable(slot, false);
    }

    private Replaceable replaceable(Slot slot, boolean offerOnward) {
        Optional<Slot> current = Optional.of(slot);
        boolean lapsed = false;
        boolean waitlistAsked = false; // storing the expiry with offerOnward gave the waitlist its turn
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            if (current.flatMap(Slot::hold).isEmpty()) {
                // free now (or removed meanwhile: the caller's conditional write finds that out)
                return lapsed && !waitlistAsked ? new Replaceable(Optional.empty(), false, true) : Replaceable.NOT_HELD;
            }
            Slot.Hold hold = current.get().hold().get();
            Instant now = clock.instant();
            Optional<Appointment> holder = appointments.find(hold.appointmentId());
            if (stands(current.get(), hold, holder, now)) {
                return Replaceable.LIVE;
            }
            if (holder.isEmpty()) {
                if (appointments.abandon(hold.appointmentId())) {
                    // a waitlist offer that died between its claim and its store: the waiters come first
                    return new Replaceable(Optional.of(hold), false, lapsed || hold.idempotencyKey().equals(WaitlistOffers.OFFER_KEY));
                }
                continue; // stored just now after all: judge it again as it is
            }
            Appointment appointment = holder.get();
            lapsed |= appointment.slotId().equals(slot.id()) && appointment.statusAt(now) == AppointmentStatus.EXPIRED;
            if (appointment.settledAt(now) == appointment) {
                return new Replaceable(Optional.of(hold), false, lapsed && !waitlistAsked);
            }
            // The holder lapsed at its deadline but is stored as still waiting for an answer. Its expiry
            // is stored under its version before anyone takes the slot over: an answer that read it just
            // before the deadline (the doctor accepting, the patient taking an offer) then fails its
            // version check instead of landing beside the new holder. If that answer landed first, the
            // next attempt finds the hold standing. Storing the expiry frees the slot (read again).
            lapses.store(appointment.id(), offerOnward);
            waitlistAsked |= offerOnward;
            current = slots.find(slot.id());
        }
        throw Contention.changingNow();
    }

    /**
     * What stands in a slot's way: nothing, a live hold, or a stale hold to replace. {@code lapsed}: the
     * slot's holder reached its answer deadline unanswered (a request the doctor did not answer, an offer
     * nobody took), so the slot is free only now, not since a cancellation the waitlist already heard of,
     * and the waitlist is still owed its turn (false once storing the expiry here has offered the slot on).
     */
    record Replaceable(Optional<Slot.Hold> staleHold, boolean live, boolean lapsed) {
        static final Replaceable NOT_HELD = new Replaceable(Optional.empty(), false, false);
        static final Replaceable LIVE = new Replaceable(Optional.empty(), true, false);
    }
}
