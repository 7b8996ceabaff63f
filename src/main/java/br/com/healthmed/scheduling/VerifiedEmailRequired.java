package br.com.healthmed.scheduling;

import br.com.healthmed.identity.AccountDirectory;
import br.com.healthmed.identity.AccountId;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Only a patient whose e-mail is verified books ({@code EMAIL_NOT_VERIFIED} otherwise): the doctor's
 * answer, the confirmation and reminders go there, and an unverified address costs an attacker nothing
 * to make by the thousand.
 */
@Component
@Order(1) // a verified address first: the consent is asked of a patient who can be reached
class VerifiedEmailRequired implements BookingEligibility {

    private final AccountDirectory accounts;

    VerifiedEmailRequired(AccountDirectory accounts) {
        this.accounts = accounts;
    }

    @Override
    public void check(AccountId patientId) {
        accounts.requireVerifiedPatient(patientId);
    }
}
