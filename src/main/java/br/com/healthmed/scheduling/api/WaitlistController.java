package br.com.healthmed.scheduling.api;

import br.com.healthmed.identity.AccountSummary;
import br.com.healthmed.identity.AccountDirectory;
import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.security.Caller;
import br.com.healthmed.platform.security.RoleGate;
import br.com.healthmed.platform.web.ClientAddress;
import br.com.healthmed.platform.web.ClientDevice;
import br.com.healthmed.scheduling.Appointment;
import br.com.healthmed.scheduling.AppointmentId;
import br.com.healthmed.scheduling.OriginDigests;
import br.com.healthmed.scheduling.Waitlist;
import br.com.healthmed.scheduling.WaitlistEntry;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/** A patient's waitlist entries and the offers of freed slots they get from them. */
@Controller
class WaitlistController {

    private final Waitlist waitlist;
    private final AccountDirectory accounts;
    private final OriginDigests origins;

    WaitlistController(Waitlist waitlist, AccountDirectory accounts, OriginDigests origins) {
        this.waitlist = waitlist;
        this.accounts = accounts;
        this.origins = origins;
    }

    @MutationMapping
    WaitlistEntry joinWaitlist(@Argument UUID doctorId, @Argument OffsetDateTime from, @Argument OffsetDateTime to,
                               @AuthenticationPrincipal Caller caller) {
        return waitlist.join(AccountId.of(RoleGate.patient(caller)), new AccountId(doctorId), from.toInstant(), to.toInstant());
    }

    @MutationMapping
    boolean leaveWaitlist(@Argument UUID doctorId, @AuthenticationPrincipal Caller caller) {
        return waitlist.leave(AccountId.of(RoleGate.patient(caller)), new AccountId(doctorId));
    }

    @QueryMapping
    List<WaitlistEntry> myWaitlist(@AuthenticationPrincipal Caller caller) {
        return waitlist.of(AccountId.of(RoleGate.patient(caller)));
    }

    @MutationMapping
    Appointment acceptWaitlistOffer(@Argument UUID appointmentId, @AuthenticationPrincipal Caller caller,
                                    @ContextValue(name = ClientAddress.CONTEXT_KEY, required = false) ClientAddress address,
                                    @ContextValue(name = ClientDevice.CONTEXT_KEY, required = false) ClientDevice device) {
        return waitlist.accept(AccountId.of(RoleGate.patient(caller)), new AppointmentId(appointmentId), origins.of(address, device));
    }

    @MutationMapping
    AppointmentChange declineWaitlistOffer(@Argument UUID appointmentId, @AuthenticationPrincipal Caller caller) {
        return AppointmentChange.on(waitlist.decline(AccountId.of(RoleGate.patient(caller)), new AppointmentId(appointmentId)));
    }

    @BatchMapping(typeName = "WaitlistEntry", field = "doctor")
    Map<WaitlistEntry, AccountSummary> doctor(List<WaitlistEntry> entries) {
        Map<AccountId, AccountSummary> byId = accounts.findAll(entries.stream().map(WaitlistEntry::doctorId).collect(Collectors.toSet()));
        Map<WaitlistEntry, AccountSummary> result = new HashMap<>();
        entries.forEach(e -> {
            AccountSummary doctor = byId.get(e.doctorId());
            if (doctor != null) {
                result.put(e, doctor);
            }
        });
        return result;
    }
}
