package br.com.healthmed.identity.api;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.identity.PasswordService;
import br.com.healthmed.platform.security.Caller;
import br.com.healthmed.platform.web.ClientAddress;
import jakarta.validation.constraints.Size;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/** Changing a password, and resetting a forgotten one. */
@Controller
class PasswordController {

    private final PasswordService passwords;

    PasswordController(PasswordService passwords) {
        this.passwords = passwords;
    }

    @MutationMapping
    boolean changePassword(@Argument @Size(max = 512) String currentPassword, @Argument @Size(max = 512) String newPassword,
                           @AuthenticationPrincipal Caller caller,
                           @ContextValue(name = ClientAddress.CONTEXT_KEY) ClientAddress address) {
        Caller known = Caller.required(caller);
        passwords.changePassword(AccountId.of(known.accountId()), known.sessionId(), currentPassword, newPassword, address.value());
        return true;
    }

    @MutationMapping
    boolean requestPasswordReset(@Argument @Size(max = 254) String login,
                                 @ContextValue(name = ClientAddress.CONTEXT_KEY) ClientAddress address) {
        passwords.requestReset(login, address.value());
        return true;
    }

    @MutationMapping
    boolean resetPassword(@Argument @Size(max = 200) String token, @Argument @Size(max = 512) String newPassword,
                          @ContextValue(name = ClientAddress.CONTEXT_KEY) ClientAddress address) {
        passwords.resetPassword(token, newPassword, address.value());
        return true;
    }
}
