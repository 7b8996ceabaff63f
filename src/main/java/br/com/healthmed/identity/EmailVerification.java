package br.com.healthmed.identity;

import br.com.healthmed.identity.EmailCodeStore.PendingCode;
import br.com.healthmed.identity.EmailCodeStore.Purpose;
import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.PlatformErrors;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Proving an e-mail address with a code sent there. A patient's address is verified after registration
 * ({@link #verify}); an address an account moves to is proved the same way before the move
 * ({@link EmailChange}). One pending code per account and purpose, single use, valid
 * {@code healthmed.email-codes.validity} (30 minutes); a new one replaces the old. Checks and sends are
 * throttled ({@link CodeThrottle}). A wrong code, another account's code, or none pending all answer
 * {@code VERIFICATION_CODE_INVALID}; the account's own code, past its time or already used, answers
 * {@code VERIFICATION_CODE_EXPIRED} or {@code VERIFICATION_CODE_USED}. No answer says anything about
 * another account.
 */
@Service
public class EmailVerification {

    private static final Logger log = LoggerFactory.getLogger(EmailVerification.class);

    private final AccountStore accounts;
    private final LoginClaimStore claims;
    private final EmailCodeStore codes;
    private final AccountMessages messages;
    private final CodeThrottle throttle;
    private final SecurityLog securityLog;
    private final EmailCodeProperties properties;
    private final PasswordHasher passwords;
    private final PasswordPolicy passwordPolicy;
    private final Clock clock;
    private final String dummyHash;

    EmailVerification(AccountStore accounts, LoginClaimStore claims, EmailCodeStore codes, AccountMessages messages,
                      CodeThrottle throttle, SecurityLog securityLog, EmailCodeProperties properties,
                      PasswordHasher passwords, PasswordPolicy passwordPolicy, Clock clock) {
        this.passwords = passwords;
        this.passwordPolicy = passwordPolicy;
        this.dummyHash = passwords.hash("dummy password, never matches a verification");
        this.accounts = accounts;
        this.claims = claims;
        this.codes = codes;
        this.messages = messages;
        this.throttle = throttle;
        this.securityLog = securityLog;
        this.properties = properties;
        this.clock = clock;
    }

    /** The first code, for a patient just registered: best effort, a failure to send is only logged. */
    void sendAfterRegistration(PatientAccount patient) {
        try {
            throttle.send(patient.id());
            issue(patient, Purpose.VERIFY_EMAIL, patient.email());
        } catch (RuntimeException notNow) {
            log.warn("Verification code for new account {} not sent now ({}); the patient may ask for another",
                    patient.id(), notNow.toString());
        }
    }

    /** A new code for the caller's unverified e-mail; the previous one stops working. */
    public void resend(AccountId caller, Optional<String> clientAddress) {
        PatientAccount patient = patient(caller);
        if (patient.emailVerified()) {
            throw new DomainException(IdentityErrors.EMAIL_ALREADY_VERIFIED, "Your e-mail address is already verified.");
        }
        throttle.send(caller);
        issue(patient, Purpose.VERIFY_EMAIL, patient.email());
        securityLog.record(caller, SecurityEventKind.EMAIL_VERIFICATION_SENT, clientAddress);
    }

    /**
     * A new code for the patient whose unverified e-mail is {@code email}, if there is one (sent off the
     * request's thread, on the {@link RegistrationQueue}); nothing for an address without such an account.
     * The sends per account are limited as for {@link #resend}; past the limit nothing is sent, in silence.
     */
    void resendByAddress(Email email, String clientAddress) {
        claims.holder(LoginClaim.of(email))
                .flatMap(holder -> accounts.find(holder.owner()))
                .filter(account -> account.uses(LoginClaim.of(email)))
                .filter(PatientAccount.class::isInstance).map(PatientAccount.class::cast)
                .filter(patient -> !patient.emailVerified())
                .ifPresent(patient -> {
                    throttle.send(patient.id());
                    issue(patient, Purpose.VERIFY_EMAIL, patient.email());
                    securityLog.record(patient.id(), SecurityEventKind.EMAIL_VERIFICATION_SENT, Optional.of(clientAddress));
                });
    }

    /** Verifies the caller's e-mail with the code sent to it. */
    public PatientAccount verify(AccountId caller, String typedCode, String clientAddress) {
        PatientAccount patient = patient(caller);
        // the budget of the address, shared with verifyEmailAndLogin: the two ways to send one code count together
        return verified(patient, redeem(caller, Purpose.VERIFY_EMAIL, typedCode, throttle.checkVerification(patient.email(), clientAddress)),
                clientAddress);
    }

    /**
     * Verifies the patient whose e-mail is {@code typedEmail} with the code sent there and the password
     * registered with, without a session (right after registering). The code proves the mailbox, the
     * password the registrant: without it, whoever registered someone else's address with a password of
     * their own would hand the owner, once they verify, an account whose password the registrant knows.
     *
     * <p>A wrong password, an address without a patient account and a wrong code all get exactly what a
     * wrong code gets ({@code VERIFICATION_CODE_INVALID}), counted against the same budget: the password
     * is checked in every case (against a dummy hash when there is no account) and a code is looked up
     * for a made-up account, so that the work differs by one account read only and no answer says
     * whether the address has an account. {@code admission} runs once code and password are proven, before
     * the code is used up: a deactivated account's refusal leaves the code, the account and the log as
     * they were. A malformed address is {@code INVALID_EMAIL} (field {@code email}).
     */
    public PatientAccount verifyByAddress(String typedEmail, String typedCode, String typedPassword, String clientAddress,
                                          Consumer<PatientAccount> admission) {
        Email email = Email.parse(typedEmail, "email");
        String password = PasswordHasher.normalised(typedPassword);
        CodeThrottle.Check check = throttle.checkVerification(email, clientAddress);
        Optional<PatientAccount> patient;
        boolean rightPassword;
        try {
            patient = claims.holder(LoginClaim.of(email))
                    .flatMap(holder -> accounts.find(holder.owner()))
                    .filter(account -> account.uses(LoginClaim.of(email)))
                    .filter(PatientAccount.class::isInstance).map(PatientAccount.class::cast);
            rightPassword = passwordPolicy.hasAllowedLength(password)
                    && passwords.matches(password, patient.map(Account::passwordHash).orElse(dummyHash))
                    && patient.isPresent();
        } catch (RuntimeException noAnswer) {
            throttle.abandoned(check);
            throw noAnswer;
        }
        AccountId account = patient.map(Account::id).orElseGet(AccountId::random);
        Optional<PendingCode> pending = matching(account, Purpose.VERIFY_EMAIL, typedCode);
        if (pending.isEmpty() || !rightPassword) {
            throw invalidCode();
        }
        throttle.rightCode(check);
        usable(pending.get());
        admission.accept(patient.get());
        return verified(patient.get(), use(account, Purpose.VERIFY_EMAIL, pending.get()), clientAddress);
    }

    private PatientAccount verified(PatientAccount patient, PendingCode code, String clientAddress) {
        if (!code.email().equals(patient.email()) || !accounts.markEmailVerified(patient.id(), code.email())) {
            // sent to an address the account no longer has
            throw invalidCode();
        }
        securityLog.record(patient.id(), SecurityEventKind.EMAIL_VERIFIED, Optional.of(clientAddress));
        return patient.verified();
    }

    /** Makes and stores a new code for {@code email}, and e-mails it there. */
    void issue(Account account, Purpose purpose, Email email) {
        Instant now = clock.instant();
        String code = VerificationCodes.newCode();
        PendingCode pending = new PendingCode(account.id(), purpose, UUID.randomUUID().toString(), email,
                VerificationCodes.hash(account.id(), purpose, code), now, now.plus(properties.validity()), Optional.empty());
        codes.put(pending);
        messages.sendCode(pending.id(), new AccountMessages.Recipient(account.id(), account.name(), email), purpose,
                VerificationCodes.display(code), pending.expiresAt());
    }

    /**
     * Checks a typed code against the account's pending one and uses it up: the pending code, now used.
     * Throttled; refused with a code error otherwise.
     */
    PendingCode redeem(AccountId account, Purpose purpose, String typedCode, String clientAddress) {
        return redeem(account, purpose, typedCode, throttle.check(account, clientAddress));
    }

    /** As above, with the budget already taken ({@code check}). */
    private PendingCode redeem(AccountId account, Purpose purpose, String typedCode, CodeThrottle.Check check) {
        PendingCode code = matching(account, purpose, typedCode).orElseThrow(EmailVerification::invalidCode);
        throttle.rightCode(check);
        usable(code);
        return use(account, purpose, code);
    }

    /** The account's pending code for the purpose, if {@code typedCode} is it (used or not, expired or not). */
    private Optional<PendingCode> matching(AccountId account, Purpose purpose, String typedCode) {
        return VerificationCodes.normalised(typedCode).flatMap(code -> codes.find(account, purpose)
                .filter(p -> VerificationCodes.matches(VerificationCodes.hash(account, purpose, code), p.codeHash())));
    }

    /** Refuses the account's own code when it was used or has expired. */
    private void usable(PendingCode code) {
        if (code.usedAt().isPresent()) {
            throw usedCode();
        }
        if (!clock.instant().isBefore(code.expiresAt())) {
            throw new DomainException(IdentityErrors.VERIFICATION_CODE_EXPIRED, "This code has expired; ask for a new one.");
        }
    }

    /** Uses the code up (one conditional write): the first caller only. */
    private PendingCode use(AccountId account, Purpose purpose, PendingCode code) {
        if (!codes.markUsed(account, purpose, code.id(), clock.instant())) {
            throw usedCode();
        }
        return code;
    }

    private PatientAccount patient(AccountId caller) {
        Account account = accounts.find(caller).orElseThrow(() -> DomainException.notFound("Account"));
        if (!(account instanceof PatientAccount patient)) {
            throw new DomainException(PlatformErrors.WRONG_ROLE,
                    "Doctors have no e-mail to verify; set the account's e-mail with requestEmailChange.");
        }
        return patient;
    }

    static DomainException invalidCode() {
        return DomainException.invalid(IdentityErrors.VERIFICATION_CODE_INVALID, "code", "This code is not valid.");
    }

    private static DomainException usedCode() {
        return new DomainException(IdentityErrors.VERIFICATION_CODE_USED, "This code has already been used.");
    }
}
