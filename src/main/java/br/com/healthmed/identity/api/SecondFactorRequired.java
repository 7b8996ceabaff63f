package br.com.healthmed.identity.api;

import br.com.healthmed.identity.LoginOutcome;
import java.time.Instant;
import java.util.List;

/** The GraphQL {@code SecondFactorRequired}. */
record SecondFactorRequired(String challenge, Instant expiresAt, List<String> methods) {

    static SecondFactorRequired of(LoginOutcome.SecondFactorDue due) {
        return new SecondFactorRequired(due.challenge(), due.expiresAt(), List.of("TOTP", "RECOVERY_CODE"));
    }
}
