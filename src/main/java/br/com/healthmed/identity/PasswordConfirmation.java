package br.com.healthmed.identity;

import br.com.healthmed.platform.error.DomainException;
import org.springframework.stereotype.Component;

/**
 * Asks a logged-in account for its password again before a change to how it is reached (an e-mail
 * change): a stolen access token alone is not enough. Each check is a login attempt for the account's
 * CPF or CRM in {@link LoginThrottle}, so guesses here and at login share one budget.
 */
@Component
class PasswordConfirmation {

    private final PasswordHasher passwords;
    private final PasswordPolicy policy;
    private final LoginThrottle throttle;

    PasswordConfirmation(PasswordHasher passwords, PasswordPolicy policy, LoginThrottle throttle) {
        this.passwords = passwords;
        this.policy = policy;
        this.throttle = throttle;
    }

    void confirm(Account account, String typedPassword, String clientAddress, String field) {
        String password = PasswordHasher.normalised(typedPassword);
        LoginClaim subject = account instanceof PatientAccount patient ? LoginClaim.of(patient.cpf())
                : LoginClaim.of(((DoctorAccount) account).crm());
        throttle.attempt(subject, clientAddress);
        boolean matches;
        try {
            matches = policy.hasAllowedLength(password) && passwords.matches(password, account.passwordHash());
        } catch (RuntimeException noAnswer) {
            throttle.abandoned(subject, clientAddress);
            throw noAnswer;
        }
        if (!matches) {
            throttle.failed(subject, clientAddress);
            throw DomainException.invalid(IdentityErrors.INVALID_CREDENTIALS, field, "The password is wrong.");
        }
        throttle.succeeded(subject, clientAddress);
    }
}
