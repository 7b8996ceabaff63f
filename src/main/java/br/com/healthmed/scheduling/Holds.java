package br.com.healthmed.scheduling;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The one rule for whether a slot's hold still stands, for booking, editing and reading agendas. A
 * hold stands while its appointment is active and the slot is the appointment's own, or the slot its
 * move in progress has claimed (the appointment's {@code pendingMove} names that very hold). A hold
 * whose appointment has ended, has moved elsewhere, or was never stored (past the grace) is not in
 * anyone's way; to take such a slot over, its never-stored appointment is first abandoned, so the
 * booking that died half-way can never store it later and put two appointments on one slot. Such a
 * slot is taken over only from exactly the hold judged (appointment, key and claim time), so a newer
 * hold of the same appointment is never overwritten.
 */
@Component
class Holds {

    private final AppointmentStore appointments;
    private final SchedulingProperties properties;
    private final Clock clock;

    Holds(AppointmentStore appointments, SchedulingProperties properties, Clock clock) {
        this.appointments = appointments;
        this.properties = properties;
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

    /** For changes: whether the slot's hold stands, or which stale hold the slot may be taken over from. */
    Replaceable replaceable(Slot slot) {
        if (slot.hold().isEmpty()) {
            return Replaceable.NOT_HELD;
        }
        Slot.Hold hold = slot.hold().get();
        Instant now = clock.instant();
        Optional<Appointment> holder = appointments.find(hold.appointmentId());
        if (stands(slot, hold, holder, now)) {
            return Replaceable.LIVE;
        }
        if (holder.isEmpty() && !appointments.abandon(hold.appointmentId())) {
            // stored just now after all: judge it again as it is
            Optional<Appointment> late = appointments.find(hold.appointmentId());
            if (stands(slot, hold, late, now)) {
                return Replaceable.LIVE;
            }
        }
        // an offer nobody took: OFFERED, then at most its stored expiry. An offer that was taken (a
        // REQUESTED step) and then expired unanswered by the doctor is an expired request like any other.
        boolean lapsedOffer = holder.filter(a -> a.slotId().equals(slot.id()) && a.statusAt(now) == AppointmentStatus.EXPIRED
                && a.beganAsOffer() && !a.offerTaken()).isPresent();
        return new Replaceable(Optional.of(hold), false, lapsedOffer);
    }

    /**
     * What stands in a slot's way: nothing, a live hold, or a stale hold to replace ({@code lapsedOffer}
     * when it is a waitlist offer nobody took in time).
     */
    record Replaceable(Optional<Slot.Hold> staleHold, boolean live, boolean lapsedOffer) {
        static final Replaceable NOT_HELD = new Replaceable(Optional.empty(), false, false);
        static final Replaceable LIVE = new Replaceable(Optional.empty(), true, false);
    }
}
