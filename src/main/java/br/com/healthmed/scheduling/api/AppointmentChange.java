package br.com.healthmed.scheduling.api;

import br.com.healthmed.scheduling.Appointment;
import br.com.healthmed.scheduling.SlotId;
import java.util.List;
import java.util.Optional;

/**
 * What an appointment mutation answers (every {@code AppointmentChange} payload type of the schema): the
 * appointment as the change left it and the ids of the slots whose availability it changed. The slots
 * themselves are read by {@link AppointmentChangeController} after the change, and only when asked for.
 *
 * @param slot the slot the appointment is on now
 * @param otherSlot the slot a move let go of ({@code releasedSlot}), or the one a proposal holds ({@code proposedSlot})
 */
record AppointmentChange(Appointment appointment, SlotId slot, Optional<SlotId> otherSlot) {

    /** A change that left the appointment on its slot (booked, cancelled, rejected, declined). */
    static AppointmentChange on(Appointment appointment) {
        return new AppointmentChange(appointment, appointment.slotId(), Optional.empty());
    }

    /** A reschedule: the slot it left is the one of the move made by this request's key. */
    static AppointmentChange rescheduled(Appointment appointment, String idempotencyKey) {
        return new AppointmentChange(appointment, appointment.slotId(),
                appointment.moveByKey(idempotencyKey).map(Appointment.Move::fromSlot));
    }

    /** A proposal: the slot proposed, held for the patient. */
    static AppointmentChange proposed(Appointment appointment, SlotId proposedSlot) {
        return new AppointmentChange(appointment, appointment.slotId(), Optional.of(proposedSlot));
    }

    /**
     * The patient's answer to a proposal, by the step it wrote: accepted, the move (its old slot is let
     * go of); declined, the refusal (the proposed slot is).
     */
    static AppointmentChange answered(Appointment appointment, boolean accepted) {
        Appointment.MoveKind answer = accepted ? Appointment.MoveKind.DONE : Appointment.MoveKind.DECLINED;
        List<Appointment.Transition> history = appointment.history();
        Optional<SlotId> released = Optional.empty();
        for (int i = history.size() - 1; i >= 0 && released.isEmpty(); i--) {
            released = history.get(i).move().filter(m -> m.kind() == answer)
                    .map(m -> accepted ? m.fromSlot() : m.toSlot());
        }
        return new AppointmentChange(appointment, appointment.slotId(), released);
    }

    /** What releaseHolds answers: every appointment named, each on its slot. */
    record Released(List<Appointment> appointments) {}
}
