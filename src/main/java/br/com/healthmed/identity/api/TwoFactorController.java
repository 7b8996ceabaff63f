package br.com.healthmed.identity.api;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.identity.TwoFactorService;
import br.com.healthmed.platform.security.Caller;
import br.com.healthmed.platform.web.ClientAddress;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/** Enrolling in, and leaving, two-factor login. */
@Controller
class TwoFactorController {

    private final TwoFactorService twoFactor;

    TwoFactorController(TwoFactorService twoFactor) {
        this.twoFactor = twoFactor;
    }

    record Status(boolean enabled, @Nullable Instant enabledAt, int recoveryCodesLeft) {}

    @QueryMapping
    Status myTwoFactor(@AuthenticationPrincipal Caller caller) {
        TwoFactorService.Status status = twoFactor.status(account(caller));
        return new Status(status.enabled(), status.enabledAt().orElse(null), status.recoveryCodesLeft());
    }

    @MutationMapping
    TwoFactorService.Enrolment beginTwoFactorEnrolment(@Argument @Size(max = 200) @Nullable String enrolmentTicket,
                                                       @AuthenticationPrincipal Caller caller) {
        return enrolmentTicket != null ? twoFactor.beginWithTicket(enrolmentTicket) : twoFactor.begin(account(caller));
    }

    @MutationMapping
    TwoFactorConfirmation confirmTwoFactorEnrolment(@Argument @Size(max = 40) String code,
                                                    @Argument @Size(max = 200) @Nullable String enrolmentTicket,
                                                    @AuthenticationPrincipal Caller caller,
                                                    @ContextValue(name = ClientAddress.CONTEXT_KEY) ClientAddress address) {
        return TwoFactorConfirmation.of(enrolmentTicket != null
                ? twoFactor.confirmWithTicket(enrolmentTicket, code, address.value())
                : twoFactor.confirm(account(caller), code, address.value()));
    }

    @MutationMapping
    boolean disableTwoFactor(@Argument @Size(max = 512) String password, @Argument @Size(max = 40) String code,
                             @AuthenticationPrincipal Caller caller,
                             @ContextValue(name = ClientAddress.CONTEXT_KEY) ClientAddress address) {
        twoFactor.disable(account(caller), password, code, address.value());
        return true;
    }

    private static AccountId account(Caller caller) {
        return AccountId.of(Caller.required(caller).accountId());
    }
}
