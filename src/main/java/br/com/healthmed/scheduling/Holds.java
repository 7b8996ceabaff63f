package br.com.healthmed.scheduling;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The one rule for whether a slot's hold still stands, for booking, editing and reading agendas. A
 * hold whose appointment has ended, or was never stored (past the grace), is not in anyone's way; to
 * take such a slot over, its never-stored appointment is first abandoned, so the booking that died
 * half-way can never store it later and put two appointments on one slot.
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
                || !slot.hold().get().isLive(Optional.ofNullable(holders.get(slot.hold().get().appointmentId())), now,
                        properties.staleHoldGrace());
    }

    /** For changes: whether the slot's hold stands, or which ended holder the slot may be taken over from. */
    Replaceable replaceable(Slot slot) {
        if (slot.hold().isEmpty()) {
            return Replaceable.NOT_HELD;
        }
        Slot.Hold hold = slot.hold().get();
        Instant now = clock.instant();
        Optional<Appointment> holder = appointments.find(hold.appointmentId());
        if (hold.isLive(holder, now, properties.staleHoldGrace())) {
            return Replaceable.LIVE;
        }
        if (holder.isEmpty() && !appointments.abandon(hold.appointmentId())) {
            // stored just now after all: judge it again as it is
            Optional<Appointment> late = appointments.find(hold.appointmentId());
            if (hold.isLive(late, now, properties.staleHoldGrace())) {
                return Replaceable.LIVE;
            }
        }
        return new Replaceable(Optional.of(hold.appointmentId()), false);
    }

    /** What stands in a slot's way: nothing, a live hold, or an ended holder to replace. */
    record Replaceable(Optional<AppointmentId> endedHolder, boolean live) {
        static final Replaceable NOT_HELD = new Replaceable(Optional.empty(), false);
        static final Replaceable LIVE = new Replaceable(Optional.empty(), true);
    }
}
