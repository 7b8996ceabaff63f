package br.com.healthmed.identity;

import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.ErrorCode;
import br.com.healthmed.platform.security.Role;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Password login. A wrong password and an unknown login get the same {@code INVALID_CREDENTIALS}
 * after the same work: for an unknown login a dummy hash is checked, so response time does not tell
 * whether an account exists.
 */
@Service
public class LoginService {

    private final LoginClaimStore claims;
    private final AccountStore accounts;
    private final PasswordHasher passwords;
    private final PasswordPolicy passwordPolicy;
    private final LoginThrottle throttle;
    private final SessionService sessions;
    private final String dummyHash;

    LoginService(LoginClaimStore claims, AccountStore accounts, PasswordHasher passwords,
                 PasswordPolicy passwordPolicy, LoginThrottle throttle, SessionService sessions) {
        this.claims = claims;
        this.accounts = accounts;
        this.passwords = passwords;
        this.passwordPolicy = passwordPolicy;
        this.throttle = throttle;
        this.sessions = sessions;
        this.dummyHash = passwords.hash("dummy password, never matches a login");
    }

    /** A patient logs in with e-mail or CPF (with or without punctuation). */
    public Session loginPatient(String login, String password, String clientAddress) {
        Optional<LoginClaim> claim = login != null && login.contains("@")
                ? Email.tryParse(login).map(LoginClaim::of)
                : Cpf.tryParse(login).map(LoginClaim::of);
        return login(claim.orElseThrow(() -> DomainException.invalid(ErrorCode.BAD_USER_INPUT, "login",
                "Log in with your e-mail or your CPF (11 digits, with or without punctuation).")),
                Role.PATIENT, password, clientAddress);
    }

    /** A doctor logs in with CRM, e.g. {@code 123456/SP}. */
    public Session loginDoctor(String crm, String password, String clientAddress) {
        return login(LoginClaim.of(Crm.parse(crm, "crm")), Role.DOCTOR, password, clientAddress);
    }

    private Session login(LoginClaim claim, Role role, String password, String clientAddress) {
        throttle.attempt(claim, clientAddress);
        Account known;
        boolean succeeded = false;
        try {
            Optional<Account> account = claims.holder(claim)
                    .flatMap(holder -> accounts.find(holder.owner()))
                    .filter(a -> a.role() == role);
            boolean matches = passwordPolicy.hasAllowedLength(password)
                    && passwords.matches(password, account.map(Account::passwordHash).orElse(dummyHash))
                    && account.isPresent();
            if (!matches) {
                throw new DomainException(ErrorCode.INVALID_CREDENTIALS, "Login or password is wrong.");
            }
            known = account.get();
            succeeded = true;
        } finally {
            // Anything but a verified password counts as a failure, so an error cannot be used to
            // make guesses that are never counted.
            if (succeeded) {
                throttle.succeeded(claim, clientAddress);
            } else {
                throttle.failed(claim, clientAddress);
            }
        }
        if (passwords.needsRehash(known.passwordHash())) {
            String rehashed = passwords.hash(password);
            accounts.updatePasswordHash(known.id(), rehashed);
            known = known.withPasswordHash(rehashed);
        }
        return sessions.open(known);
    }
}
