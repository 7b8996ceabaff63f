package br.com.healthmed.identity.api;

import br.com.healthmed.identity.TwoFactorService;
import java.util.List;

/** The GraphQL {@code TwoFactorConfirmation}. */
record TwoFactorConfirmation(List<String> recoveryCodes, AuthPayload session) {

    static TwoFactorConfirmation of(TwoFactorService.Confirmation confirmation) {
        return new TwoFactorConfirmation(confirmation.recoveryCodes(), confirmation.session().map(AuthPayload::of).orElse(null));
    }
}
