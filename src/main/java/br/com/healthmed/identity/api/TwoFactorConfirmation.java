package br.com.healthmed.identity.api;

import br.com.healthmed.identity.TwoFactorService;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The GraphQL {@code TwoFactorConfirmation}. */
record TwoFactorConfirmation(List<String> recoveryCodes, @Nullable AuthPayload session) {

    static TwoFactorConfirmation of(TwoFactorService.Confirmation confirmation) {
        return new TwoFactorConfirmation(confirmation.recoveryCodes(), confirmation.session().map(AuthPayload::of).orElse(null));
    }
}
