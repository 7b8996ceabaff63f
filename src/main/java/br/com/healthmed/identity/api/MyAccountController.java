package br.com.healthmed.identity.api;

import br.com.healthmed.identity.AccountSummary;
import br.com.healthmed.identity.AccountCorrections;
import br.com.healthmed.identity.AccountId;
import br.com.healthmed.identity.EmailChange;
import br.com.healthmed.identity.EmailVerification;
import br.com.healthmed.identity.PatientSummary;
import br.com.healthmed.identity.VerificationCodeRequests;
import br.com.healthmed.platform.security.Caller;
import br.com.healthmed.platform.web.ClientAddress;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/** The owner's own account: e-mail verification and change, corrections. */
@Controller
class MyAccountController {

    private final EmailVerification verification;
    private final EmailChange emailChange;
    private final AccountCorrections corrections;
    private final VerificationCodeRequests codeRequests;

    MyAccountController(EmailVerification verification, EmailChange emailChange, AccountCorrections corrections,
                        VerificationCodeRequests codeRequests) {
        this.verification = verification;
        this.codeRequests = codeRequests;
        this.emailChange = emailChange;
        this.corrections = corrections;
    }

    @MutationMapping
    PatientSummary verifyEmail(@Argument @Size(max = 20) String code, @AuthenticationPrincipal Caller caller,
                               @ContextValue(name = ClientAddress.CONTEXT_KEY) ClientAddress address) {
        return verification.verify(account(caller), code, address.value()).summary();
    }

    @MutationMapping
    boolean resendVerification(@AuthenticationPrincipal Caller caller,
                               @ContextValue(name = ClientAddress.CONTEXT_KEY) ClientAddress address) {
        verification.resend(account(caller), Optional.of(address.value()));
        return true;
    }

    /** Without a session: always true (the answer says nothing about the address). */
    @MutationMapping
    boolean resendVerificationCode(@Argument @Size(max = 254) String email,
                                   @ContextValue(name = ClientAddress.CONTEXT_KEY) ClientAddress address) {
        codeRequests.request(email, address.value());
        return true;
    }

    @MutationMapping
    boolean requestEmailChange(@Argument @Size(max = 254) String newEmail, @Argument @Size(max = 512) String password,
                               @AuthenticationPrincipal Caller caller,
                               @ContextValue(name = ClientAddress.CONTEXT_KEY) ClientAddress address) {
        emailChange.request(account(caller), newEmail, password, address.value());
        return true;
    }

    @MutationMapping
    AccountSummary confirmEmailChange(@Argument @Size(max = 20) String code, @AuthenticationPrincipal Caller caller,
                               @ContextValue(name = ClientAddress.CONTEXT_KEY) ClientAddress address) {
        return emailChange.confirm(account(caller), code, address.value()).summary();
    }

    @MutationMapping
    AccountSummary updateMyAccount(@Argument @Valid UpdateMyAccountInput input, @AuthenticationPrincipal Caller caller,
                            @ContextValue(name = ClientAddress.CONTEXT_KEY) ClientAddress address) {
        return corrections.update(account(caller), new AccountCorrections.Input(input.name(), input.phone(), input.birthDate(),
                input.birthDateReason()), Optional.of(address.value())).summary();
    }

    private static AccountId account(Caller caller) {
        return AccountId.of(Caller.required(caller).accountId());
    }
}
