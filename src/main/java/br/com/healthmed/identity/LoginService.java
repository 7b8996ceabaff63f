package br.com.healthmed.identity;

import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.PlatformErrors;
import br.com.healthmed.platform.security.Role;
import java.util.List;
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
 * <p>A patient whose e-mail is not verified cannot log in (nor reactivate) with the password: the right
 * password gets the same {@code INVALID_CREDENTIALS} as a wrong one, after the same work (the hash
 * checked, the attempt counted as a failure). Registration answers alike whether the e-mail and CPF
 * were new ({@link RegistrationService#acceptPatientRegistration}); were a fresh, unverified account
 * let in with the password, logging in right after registering would tell the cases apart. Such a
 * patient's first session comes from {@link #verifyEmailAndLogin}, with the code e-mailed there.
 *
 * <p>With two-factor login on, the right password gives a challenge instead of a session
 * ({@link TwoFactorService#completeLogin}, which records the login); a doctor without it, when it is
 * mandatory ({@link TwoFactorProperties#mandatoryForDoctors}), gets {@code TWO_FACTOR_ENROLMENT_REQUIRED}.
 */
@Service
public class LoginService implements PasswordProof {

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
    private final List<AccountStanding> standings;
    private final EmailVerification verification;
    private final String dummyHash;

    LoginService(LoginClaimStore claims, AccountStore accounts, PasswordHasher passwords,
                 PasswordPolicy passwordPolicy, LoginThrottle throttle, SessionService sessions,
                 TwoFactorService twoFactor, TwoFactorProperties twoFactorProperties, StoredSecurityLog securityLog,
                 List<AccountStanding> standings, EmailVerification verification) {
        this.standings = List.copyOf(standings);
        this.verification = verification;
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
        return login(patientClaim(login), Role.PATIENT, password, clientAddress);
    }

    /** A doctor logs in with CRM, e.g. {@code 123456/SP}. */
    public LoginOutcome loginDoctor(String crm, String password, String clientAddress) {
        return login(LoginClaim.of(Crm.parse(crm, "crm")), Role.DOCTOR, password, clientAddress);
    }

    /**
     * A patient proves the e-mail with the code sent there and the password registered with, without a
     * session (registration opens none): the e-mail is verified ({@link EmailVerification#verifyByAddress}:
     * the same answer for a wrong password and for an address without an account as for a wrong code)
     * and a session opens as after a login, the second factor asked first when the patient turned it on
     * (code and password prove mailbox and registrant, not the second factor). Every
     * {@link AccountStanding} is asked before the code is used up, so a deactivated account's refusal has
     * no effect. The security log says {@code EMAIL_VERIFIED}; a completed second factor adds
     * {@code LOGIN_SUCCEEDED}.
     */
    public LoginOutcome verifyEmailAndLogin(String email, String code, String password, String clientAddress) {
        PatientAccount patient = verification.verifyByAddress(email, code, password, clientAddress,
                found -> standings.forEach(standing -> standing.admit(found.summary())));
        return admitted(patient, clientAddress, false);
    }

    /**
     * The owner of a deactivated account takes it back: {@code login} is a patient's e-mail or CPF, or a
     * doctor's CRM. The password is checked (and throttled) exactly as at login; then every
     * {@link AccountStanding} that kept the account out is asked to let it in again, and a session opens.
     * {@code ACCOUNT_NOT_DEACTIVATED} when none had kept it out (log in as usual).
     */
    public LoginOutcome reactivate(String login, String password, String clientAddress) {
        boolean doctor = login != null && login.contains("/");
        Account account = authenticated(doctor ? LoginClaim.of(Crm.parse(login, "login")) : patientClaim(login),
                doctor ? Role.DOCTOR : Role.PATIENT, password, clientAddress, true);
        boolean restored = false;
        for (AccountStanding standing : standings) {
            restored |= standing.restore(account.summary(), clientAddress);
        }
        if (!restored) {
            throw new DomainException(IdentityErrors.ACCOUNT_NOT_DEACTIVATED, "This account is active: log in as usual.");
        }
        return admitted(account, clientAddress, true);
    }

    /**
     * A logged-in owner confirms a sensitive step with the password (e.g. deactivating the account):
     * counted against the account's login identifier like a login, {@code INVALID_CREDENTIALS} if wrong.
     */
    @Override
    public void confirmPassword(AccountId id, String password, String clientAddress) {
        Account account = accounts.find(id).orElseThrow(() -> DomainException.notFound("Account"));
        LoginClaim claim = account instanceof PatientAccount patient ? LoginClaim.of(patient.email())
                : LoginClaim.of(((DoctorAccount) account).crm());
        // the caller holds a session already: an unverified patient from before verification existed may confirm
        authenticated(claim, account.role(), password, clientAddress, false);
    }

    private static LoginClaim patientClaim(String login) {
        Optional<LoginClaim> claim = login != null && login.contains("@")
                ? Email.tryParse(login).map(LoginClaim::of)
                : Cpf.tryParse(login).map(LoginClaim::of);
        return claim.orElseThrow(() -> DomainException.invalid(PlatformErrors.BAD_USER_INPUT, "login",
                "Log in with your e-mail or your CPF (11 digits, with or without punctuation)."));
    }

    private LoginOutcome login(LoginClaim claim, Role role, String typedPassword, String clientAddress) {
        return admitted(authenticated(claim, role, typedPassword, clientAddress, true), clientAddress, true);
    }

    /**
     * For an account whose password was proven, if every {@link AccountStanding} admits it: a session,
     * or the second-factor challenge when one is due (a reactivation too: the password alone never
     * opens an account that has a second factor).
     */
    private LoginOutcome admitted(Account known, String clientAddress, boolean logLogin) {
        standings.forEach(standing -> standing.admit(known.summary()));
        if (twoFactor.isEnabled(known.id())) {
            return twoFactor.challenge(known);
        }
        if (known.role() == Role.DOCTOR && twoFactorProperties.mandatoryForDoctors()) {
            throw twoFactor.enrolmentRequired(known);
        }
        Session session = sessions.open(known);
        if (logLogin) {
            securityLog.record(session.account().id(), SecurityEventKind.LOGIN_SUCCEEDED, Optional.of(clientAddress));
        }
        return new LoginOutcome.LoggedIn(session);
    }

    /**
     * The account whose password this is, or {@code INVALID_CREDENTIALS} (throttled either way); with
     * {@code verifiedOnly}, an unverified patient's right password is refused as a wrong one.
     */
    private Account authenticated(LoginClaim claim, Role role, String typedPassword, String clientAddress, boolean verifiedOnly) {
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
                    && account.isPresent()
                    // Refused as a wrong password, after the same hash check and counted alike (see the class
                    // comment): otherwise a login right after registering says whether the e-mail and CPF were new.
                    && !(verifiedOnly && unverifiedPatient(account.get()));
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
            throw new DomainException(IdentityErrors.INVALID_CREDENTIALS, "Login or password is wrong.");
        }
        throttle.succeeded(claim, clientAddress);
        return rehashedIfOutdated(account.get(), password);
    }

    private static boolean unverifiedPatient(Account account) {
        return account instanceof PatientAccount patient && !patient.emailVerified();
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
