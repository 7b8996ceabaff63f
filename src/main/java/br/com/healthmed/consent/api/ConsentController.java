package br.com.healthmed.consent.api;

import br.com.healthmed.consent.ConsentAcceptance;
import br.com.healthmed.consent.ConsentText;
import br.com.healthmed.consent.TeleconsultationConsent;
import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.security.Caller;
import br.com.healthmed.platform.security.RoleGate;
import br.com.healthmed.platform.security.Role;
import br.com.healthmed.platform.web.ClientAddress;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/** The teleconsultation consent: read it, accept it. */
@Controller
class ConsentController {

    private final TeleconsultationConsent consent;

    ConsentController(TeleconsultationConsent consent) {
        this.consent = consent;
    }

    @QueryMapping
    ConsentText teleconsultationConsent() {
        return consent.current();
    }

    @SchemaMapping(typeName = "TeleconsultationConsent", field = "myAcceptance")
    @Nullable ConsentAcceptance myAcceptance(ConsentText text, @AuthenticationPrincipal Caller caller) {
        if (caller == null || caller.role() != Role.PATIENT || !text.version().equals(consent.current().version())) {
            return null;
        }
        return consent.currentAcceptance(AccountId.of(caller.accountId())).orElse(null);
    }

    @MutationMapping
    boolean withdrawTeleconsultationConsent(@AuthenticationPrincipal Caller caller,
                                            @ContextValue(name = ClientAddress.CONTEXT_KEY, required = false) ClientAddress address) {
        return consent.withdraw(AccountId.of(RoleGate.patient(caller)), known(address));
    }

    @MutationMapping
    ConsentAcceptance acceptTeleconsultationConsent(@Argument @Size(max = 40) String version,
                                                    @AuthenticationPrincipal Caller caller,
                                                    @ContextValue(name = ClientAddress.CONTEXT_KEY, required = false) ClientAddress address) {
        return consent.accept(AccountId.of(RoleGate.patient(caller)), version, known(address));
    }

    private static Optional<String> known(ClientAddress address) {
        return Optional.ofNullable(address).map(ClientAddress::value).filter(value -> !value.equals(ClientAddress.UNKNOWN.value()));
    }

}
