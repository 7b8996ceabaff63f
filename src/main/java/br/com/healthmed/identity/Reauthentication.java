package br.com.healthmed.identity;

import br.com.healthmed.platform.error.DomainException;
import org.springframework.stereotype.Component;

/**
 * A logged-in person proves again that they know the password, before a change that a stolen
 * session must not be able to make (a new password, turning two-factor login off). Wrong passwords
 * are throttled per account as logins are ({@link LoginThrottle.Check#REAUTHENTICATION}).
 */
@Component
class Reauthentication {

    private final AccountStore accounts;
    private final PasswordHasher passwords;
    private final PasswordPolicy policy;
    private final LoginThrottle throttle;

    Reauthentication(AccountStore accounts, PasswordHasher passwords, PasswordPolicy policy, LoginThrottle throttle) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.policy = policy;
        this.throttle = throttle;
    }

    /** The account, if {@code typedPassword} is its password; {@code INVALID_CREDENTIALS} on {@code field} otherwise. */
    Account verify(AccountId id, String typedPassword, String field, String address) {
        String password = PasswordHasher.normalised(typedPassword);
        String subject = id.toString();
        throttle.attempt(LoginThrottle.Check.REAUTHENTICATION, subject, address);
        Account account;
        boolean matches;
        try {
            account = accounts.find(id).orElseThrow(() -> DomainException.notFound("Account"));
            matches = policy.hasAllowedLength(password) && passwords.matches(password, account.passwordHash());
        } catch (RuntimeException noAnswer) {
            throttle.abandoned(LoginThrottle.Check.REAUTHENTICATION, subject, address);
            throw noAnswer;
        }
        if (!matches) {
            throttle.failed(LoginThrottle.Check.REAUTHENTICATION, subject, address);
            throw DomainException.invalid(IdentityErrors.INVALID_CREDENTIALS, field, "The password is wrong.");
        }
        throttle.succeeded(LoginThrottle.Check.REAUTHENTICATION, subject, address);
        return account;
    }
}
