package br.com.healthmed.scheduling.api;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.security.Caller;
import br.com.healthmed.platform.security.RoleGate;
import br.com.healthmed.scheduling.Agenda;
import br.com.healthmed.scheduling.Appointment;
import br.com.healthmed.scheduling.SlotId;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/**
 * The slots of the mutation payloads ({@code AppointmentChange}, {@code AppointmentMove}, and
 * {@code releaseHolds}), read when the client asks for them, after the change, as the caller sees them.
 * Mapped on the interfaces, so every payload type that implements one shares the same resolver. A failed
 * read answers null with its error at that field: the appointment, already changed, is still answered.
 */
@Controller
class AppointmentChangeController {

    private final Agenda agenda;

    AppointmentChangeController(Agenda agenda) {
        this.agenda = agenda;
    }

    @SchemaMapping(typeName = "AppointmentChange", field = "slot")
    AgendaController.@Nullable SlotView slot(AppointmentChange change, @AuthenticationPrincipal Caller caller) {
        return read(caller, Optional.of(change.slot()));
    }

    @SchemaMapping(typeName = "AppointmentMove", field = "releasedSlot")
    AgendaController.@Nullable SlotView releasedSlot(AppointmentChange change, @AuthenticationPrincipal Caller caller) {
        return read(caller, change.otherSlot());
    }

    @SchemaMapping(typeName = "ProposeNewTimePayload", field = "proposedSlot")
    AgendaController.@Nullable SlotView proposedSlot(AppointmentChange change, @AuthenticationPrincipal Caller caller) {
        return read(caller, change.otherSlot());
    }

    /** Every named appointment's slot, read together. */
    @SchemaMapping(typeName = "ReleaseHoldsPayload", field = "slots")
    List<AgendaController.SlotView> slots(AppointmentChange.Released released, @AuthenticationPrincipal Caller caller) {
        return AgendaController.SlotView.of(agenda.asSeenBy(viewer(caller),
                released.appointments().stream().map(Appointment::slotId).toList()));
    }

    private AgendaController.@Nullable SlotView read(Caller caller, Optional<SlotId> slot) {
        return slot.flatMap(id -> agenda.asSeenBy(viewer(caller), List.of(id)).stream().findFirst())
                .map(AgendaController.SlotView::of).orElse(null);
    }

    private static AccountId viewer(Caller caller) {
        return AccountId.of(RoleGate.any(caller));
    }
}
