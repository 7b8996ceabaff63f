package br.com.healthmed.scheduling.api;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.graphql.NodeResolver;
import br.com.healthmed.platform.security.RoleGate;
import br.com.healthmed.scheduling.Agenda;
import br.com.healthmed.scheduling.Appointment;
import br.com.healthmed.scheduling.AppointmentId;
import br.com.healthmed.scheduling.AppointmentLifecycle;
import br.com.healthmed.scheduling.SlotId;
import br.com.healthmed.scheduling.Waitlist;
import br.com.healthmed.scheduling.WaitlistEntry;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code node(id:)} for scheduling's types, each with the lookup and the authorization of the query that
 * shows it: a slot as the mutation payloads do ({@link Agenda#seenBy}: bookable to anyone, with its booking
 * to its doctor and that booking's patient), an appointment as {@code appointment(id:)}, a waitlist entry as
 * {@code myWaitlist}.
 */
@Configuration(proxyBeanMethods = false)
class SchedulingNodes {

    @Bean
    NodeResolver slotNodes(Agenda agenda) {
        return NodeResolver.oneAtATime("Slot", AgendaController.SlotView.class, (key, caller, request) -> agenda
                .seenBy(Optional.ofNullable(caller).map(known -> AccountId.of(known.accountId())), SlotId.of(key))
                .map(AgendaController.SlotView::of));
    }

    @Bean
    NodeResolver appointmentNodes(AppointmentLifecycle lifecycle) {
        return NodeResolver.oneAtATime("Appointment", Appointment.class, (key, caller, request) ->
                Optional.of(lifecycle.visibleTo(AccountId.of(RoleGate.any(caller)), AppointmentId.of(key))));
    }

    @Bean
    NodeResolver waitlistEntryNodes(Waitlist waitlist) {
        return NodeResolver.oneAtATime("WaitlistEntry", WaitlistEntry.class, (key, caller, request) -> {
            UUID id = UUID.fromString(key);
            return waitlist.of(AccountId.of(RoleGate.patient(caller))).stream().filter(entry -> entry.id().equals(id)).findFirst();
        });
    }

}
