package br.com.healthmed.identity;

import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.ErrorCode;
import br.com.healthmed.platform.security.Role;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Password login. A wrong password and an unknown login get the same {@code INVALID_CREDENTIALS}
 * after the same work: for an unknown login a dummy hash is checked, so response time does not tell
 * whether an account exists. Logins are recorded in the account's security log: a success at once, a
 * failure (only an existing account has a log) after the answer.
 *
 * <p>With two-factor login on, the right password gives a challenge instead of a session
 * ({@link TwoFactorService#completeLogin}, which records the login); a doctor without it, when it is
 * mandatory ({@link TwoFactorProperties#mandatoryForDoctors}), gets {@code TWO_FACTOR_ENROLMENT_REQUIRED}.
 */
@Service
public class LoginService {

    private static final Logger log = LoggerFactory.getLogger(LoginService.class);

    private final LoginClaimStore claims;
    private final AccountStore accounts;
    private final PasswordHasher passwords;
    private final PasswordPolicy passwordPolicy;
    private final LoginThrottle throttle;
    private final SessionService sessions;
    private final TwoFactorService twoFactor;
    private final TwoFactorProperties twoFactorProperties;
    private final StoredSecurityLog securityLog;
    private final String dummyHash;

    LoginService(LoginClaimStore claims, AccountStore accounts, PasswordHasher passwords,
                 PasswordPolicy passwordPolicy, LoginThrottle throttle, SessionService sessions,
                 TwoFactorService twoFactor, TwoFactorProperties twoFactorProperties, StoredSecurityLog securityLog) {
        this.claims = claims;
        this.accounts = accounts;
        this.passwords = passwords;
        this.passwordPolicy = passwordPolicy;
        this.throttle = throttle;
        this.sessions = sessions;
        this.twoFactor = twoFactor;
        this.twoFactorProperties = twoFactorProperties;
        this.securityLog = securityLog;
        this.dummyHash = passwords.hash("dummy password, never matches a login");
    }

    /** A patient logs in with e-mail or CPF (with or without punctuation). */
    public LoginOutcome loginPatient(String login, String password, String clientAddress) {
        Optional<LoginClaim> claim = login != null && login.contains("@")
                ? Email.tryParse(login).map(LoginClaim::of)
                : Cpf.tryParse(login).map(LoginClaim::of);
        return login(claim.orElseThrow(() -> DomainException.invalid(ErrorCode.BAD_USER_INPUT, "login",
                "Log in with your e-mail or your CPF (11 digits, with or without punctuation).")),
                Role.PATIENT, password, clientAddress);
    }

    /** A doctor logs in with CRM, e.g. {@code 123456/SP}. */
    public LoginOutcome loginDoctor(String crm, String password, String clientAddress) {
        return login(LoginClaim.of(Crm.parse(crm, "crm")), Role.DOCTOR, password, clientAddress);
    }

    private LoginOutcome login(LoginClaim claim, Role role, String typedPassword, String clientAddress) {
        String password = PasswordHasher.normalised(typedPassword);
        throttle.attempt(claim, clientAddress);
        Optional<Account> account;
        boolean matches;
        try {
            account = claims.holder(claim)
                    .flatMap(holder -> accounts.find(holder.owner()))
                    .filter(a -> a.role() == role)
                    // a claim left behind by an e-mail change is no way in
                    .filter(a -> a.uses(claim));
            matches = passwordPolicy.hasAllowedLength(password)
                    && passwords.matches(password, account.map(Account::passwordHash).orElse(dummyHash))
                    && account.isPresent();
        } catch (RuntimeException noAnswer) {
            // No password was judged (service busy, storage down): no guess was made, nothing to count.
            throttle.abandoned(claim, clientAddress);
            throw noAnswer;
        }
        if (!matches) {
            throttle.failed(claim, clientAddress);
            // After the answer: writing it now would make a wrong password for an existing account slower
            // to refuse than one for an unknown login.
            account.ifPresent(a -> securityLog.recordLater(a.id(), SecurityEventKind.LOGIN_FAILED, Optional.of(clientAddress)));
            throw new DomainException(ErrorCode.INVALID_CREDENTIALS, "Login or password is wrong.");
        }
        throttle.succeeded(claim, clientAddress);
        Account known = rehashedIfOutdated(account.get(), password);
        if (twoFactor.isEnabled(known.id())) {
            return twoFactor.challenge(known);
        }
        if (known.role() == Role.DOCTOR && twoFactorProperties.mandatoryForDoctors()) {
            throw twoFactor.enrolmentRequired(known);
        }
        Session session = sessions.open(known);
        securityLog.record(session.account().id(), SecurityEventKind.LOGIN_SUCCEEDED, Optional.of(clientAddress));
        return new LoginOutcome.LoggedIn(session);
    }

    /** Best effort: a login with the right password never fails because the upgrade could not run. */
    private Account rehashedIfOutdated(Account account, String password) {
        if (!passwords.needsRehash(account.passwordHash())) {
            return account;
        }
        try {
            String rehashed = passwords.hash(password);
            accounts.updatePasswordHash(account.id(), rehashed);
            return account.withPasswordHash(rehashed);
        } catch (RuntimeException later) {
            log.warn("Could not upgrade the password hash of account {} now; will retry at a later login", account.id(), later);
            return account;
        }
    }
}
