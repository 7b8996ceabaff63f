package br.com.healthmed.identity;

import br.com.healthmed.platform.encoding.Base32;
import br.com.healthmed.platform.error.DomainException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Two-factor login with an authenticator app (TOTP, RFC 6238) and recovery codes.
 *
 * <p>Enrolment: {@link #begin} stores a pending secret and returns it with its {@code otpauth://}
 * URI; {@link #confirm} checks a code of that secret, turns two-factor login on and returns ten
 * recovery codes, shown this once and stored hashed. From then on a login with the right password
 * gets a challenge, and {@link #completeLogin} exchanges it and a code for the tokens.
 *
 * <p>A code is accepted for the current 30-second step and one step either side (a phone's clock a
 * little off), and only for a step later than the last accepted one: a code seen over someone's
 * shoulder, or sent twice, is refused ({@code TWO_FACTOR_CODE_USED}). That rule is one conditional
 * write ({@link TwoFactorStore#useStep}), so two concurrent uses of one code cannot both pass.
 * Wrong codes are throttled per account like passwords ({@link LoginThrottle.Check#SECOND_FACTOR}).
 */
@Service
public class TwoFactorService {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** 160 bits, the HMAC-SHA1 block-size-friendly length RFC 4226 recommends. */
    private static final int SECRET_BYTES = 20;

    private final TwoFactorStore store;
    private final AccountStore accounts;
    private final OneTimeTickets tickets;
    private final SessionService sessions;
    private final LoginThrottle throttle;
    private final Reauthentication reauthentication;
    private final TwoFactorProperties properties;
    private final SecurityLog securityLog;
    private final Clock clock;

    TwoFactorService(TwoFactorStore store, AccountStore accounts, OneTimeTickets tickets, SessionService sessions,
                     LoginThrottle throttle, Reauthentication reauthentication, TwoFactorProperties properties,
                     SecurityLog securityLog, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.tickets = tickets;
        this.sessions = sessions;
        this.throttle = throttle;
        this.reauthentication = reauthentication;
        this.properties = properties;
        this.securityLog = securityLog;
        this.clock = clock;
    }

    /** A pending enrolment: the secret to type in, and the same as a URI for a QR code. */
    public record Enrolment(String secret, String otpauthUri) {}

    /** A confirmed enrolment: the recovery codes, and a session when it was a mandatory enrolment at login. */
    public record Confirmation(List<String> recoveryCodes, Optional<Session> session) {}

    /** What the account has on: for {@code myTwoFactor}. */
    public record Status(boolean enabled, Optional<Instant> enabledAt, int recoveryCodesLeft) {}

    public Status status(AccountId account) {
        return store.find(account).filter(TwoFactorState::enabled)
                .map(state -> new Status(true, state.enabledAt(), state.recoveryCodeHashes().size()))
                .orElse(new Status(false, Optional.empty(), 0));
    }

    public boolean isEnabled(AccountId account) {
        return store.find(account).filter(TwoFactorState::enabled).isPresent();
    }

    /** Starts (or restarts, with a new secret) the enrolment of a logged-in account. */
    public Enrolment begin(AccountId id) {
        Account account = accounts.find(id).orElseThrow(() -> DomainException.notFound("Account"));
        byte[] key = new byte[SECRET_BYTES];
        RANDOM.nextBytes(key);
        String secret = Base32.encode(key);
        if (!store.startEnrolment(id, secret, clock.instant())) {
            throw alreadyEnabled();
        }
        return new Enrolment(secret, otpauthUri(account, secret));
    }

    /** {@link #begin} for a doctor who must enrol before logging in, proven by the ticket from their login. */
    public Enrolment beginWithTicket(String enrolmentTicket) {
        return begin(enrolmentTicket(enrolmentTicket).account());
    }

    /** Turns two-factor login on if {@code code} is a current code of the pending secret. */
    public Confirmation confirm(AccountId id, String code, String address) {
        return new Confirmation(enable(id, code, address), Optional.empty());
    }

    /** {@link #confirm} of a mandatory enrolment: the ticket is used up, and the doctor is logged in. */
    public Confirmation confirmWithTicket(String enrolmentTicket, String code, String address) {
        OneTimeTicket ticket = enrolmentTicket(enrolmentTicket);
        List<String> codes = enable(ticket.account(), code, address);
        if (!tickets.use(ticket)) {
            throw invalidChallenge();
        }
        Account account = accounts.find(ticket.account()).orElseThrow(TwoFactorService::invalidChallenge);
        Session session = sessions.open(account);
        securityLog.record(account.id(), SecurityEventKind.LOGIN_SUCCEEDED, Optional.of(address));
        return new Confirmation(codes, Optional.of(session));
    }

    /** Turns two-factor login off: needs the password and a current code (or a recovery code). */
    public void disable(AccountId id, String password, String code, String address) {
        reauthentication.verify(id, password, "password", address);
        if (!isEnabled(id)) {
            throw new DomainException(IdentityErrors.TWO_FACTOR_NOT_ENABLED, "Two-factor login is not on for this account.");
        }
        verify(id, code, address);
        store.remove(id);
        securityLog.record(id, SecurityEventKind.TWO_FACTOR_DISABLED, Optional.of(address));
    }

    /** The challenge a login with the right password gets when two-factor login is on. */
    LoginOutcome.SecondFactorDue challenge(Account account) {
        OneTimeTickets.Issued issued = tickets.issue(OneTimeTicket.Purpose.SECOND_FACTOR, account.id(),
                properties.challengeTtl(), Optional.empty());
        return new LoginOutcome.SecondFactorDue(issued.secret(), issued.expiresAt());
    }

    /** The refusal a doctor without a second factor gets at login when it is mandatory: with a ticket to enrol. */
    DomainException enrolmentRequired(Account account) {
        OneTimeTickets.Issued issued = tickets.issue(OneTimeTicket.Purpose.TWO_FACTOR_ENROLMENT, account.id(),
                properties.enrolmentTicketTtl(), Optional.empty());
        return new DomainException(IdentityErrors.TWO_FACTOR_ENROLMENT_REQUIRED,
                "Doctors must use two-factor login: enrol an authenticator app to log in.",
                Map.of("enrolmentTicket", issued.secret(), "expiresAt", issued.expiresAt().toString()));
    }

    /** The second step of a login: a challenge from {@code loginPatient}/{@code loginDoctor} and a code. */
    public Session completeLogin(String challenge, String code, String address) {
        OneTimeTicket ticket = tickets.usable(challenge, OneTimeTicket.Purpose.SECOND_FACTOR)
                .orElseThrow(TwoFactorService::invalidChallenge);
        try {
            verify(ticket.account(), code, address);
        } catch (DomainException refused) {
            if (refused.code() == IdentityErrors.INVALID_TWO_FACTOR_CODE) {
                // the password was right: the owner should know someone has it
                securityLog.record(ticket.account(), SecurityEventKind.LOGIN_FAILED, Optional.of(address));
            }
            throw refused;
        }
        if (!tickets.use(ticket)) {
            throw invalidChallenge();
        }
        Session session = sessions.open(accounts.find(ticket.account()).orElseThrow(TwoFactorService::invalidChallenge));
        securityLog.record(ticket.account(), SecurityEventKind.LOGIN_SUCCEEDED, Optional.of(address));
        return session;
    }

    private List<String> enable(AccountId id, String code, String address) {
        String subject = id.toString();
        throttle.attempt(LoginThrottle.Check.SECOND_FACTOR, subject, address);
        Optional<Long> step;
        TwoFactorState pending;
        try {
            pending = store.find(id).orElseThrow(TwoFactorService::notStarted);
            if (pending.enabled()) {
                throw alreadyEnabled();
            }
            step = matchingStep(pending.secret(), code, Long.MIN_VALUE);
        } catch (RuntimeException noVerdict) {
            throttle.abandoned(LoginThrottle.Check.SECOND_FACTOR, subject, address);
            throw noVerdict;
        }
        if (step.isEmpty()) {
            throttle.failed(LoginThrottle.Check.SECOND_FACTOR, subject, address);
            throw wrongCode();
        }
        throttle.succeeded(LoginThrottle.Check.SECOND_FACTOR, subject, address);
        List<String> codes = RecoveryCodes.generate();
        Set<String> hashes = codes.stream().map(c -> RecoveryCodes.hash(id, c)).collect(Collectors.toSet());
        if (!store.enable(id, pending.secret(), hashes, step.get(), clock.instant())) {
            throw notStarted();
        }
        securityLog.record(id, SecurityEventKind.TWO_FACTOR_ENABLED, Optional.of(address));
        return codes;
    }

    /**
     * Accepts a TOTP code (six digits) or a recovery code of an account with two-factor login on, and
     * uses it up; refuses with {@code INVALID_TWO_FACTOR_CODE} or {@code TWO_FACTOR_CODE_USED}.
     */
    private void verify(AccountId id, String code, String address) {
        String subject = id.toString();
        throttle.attempt(LoginThrottle.Check.SECOND_FACTOR, subject, address);
        boolean accepted;
        try {
            TwoFactorState state = store.find(id).filter(TwoFactorState::enabled).orElseThrow(TwoFactorService::wrongCode);
            accepted = isTotpShaped(code) ? useTotp(state, code) : useRecoveryCode(id, code, address);
        } catch (RuntimeException noVerdict) {
            // a used code, an account without the factor, storage down: no guess was judged
            throttle.abandoned(LoginThrottle.Check.SECOND_FACTOR, subject, address);
            throw noVerdict;
        }
        if (!accepted) {
            throttle.failed(LoginThrottle.Check.SECOND_FACTOR, subject, address);
            throw wrongCode();
        }
        throttle.succeeded(LoginThrottle.Check.SECOND_FACTOR, subject, address);
    }

    private boolean useRecoveryCode(AccountId id, String code, String address) {
        boolean used = store.useRecoveryCode(id, RecoveryCodes.hash(id, code));
        if (used) {
            securityLog.record(id, SecurityEventKind.RECOVERY_CODE_USED, Optional.of(address));
        }
        return used;
    }

    /** False for a wrong code; {@code TWO_FACTOR_CODE_USED} for a right one of a step already used. */
    private boolean useTotp(TwoFactorState state, String code) {
        Optional<Long> any = matchingStep(state.secret(), code, Long.MIN_VALUE);
        if (any.isEmpty()) {
            return false;
        }
        Optional<Long> fresh = matchingStep(state.secret(), code, state.lastUsedStep());
        if (fresh.isEmpty() || !store.useStep(state.account(), fresh.get())) {
            throw new DomainException(IdentityErrors.TWO_FACTOR_CODE_USED,
                    "This code was already used; wait for the next one.");
        }
        return true;
    }

    /** The latest step within one of now whose code this is, among steps after {@code after}. */
    private Optional<Long> matchingStep(String secret, String code, long after) {
        if (!isTotpShaped(code)) {
            return Optional.empty();
        }
        byte[] key = Base32.decode(secret).orElseThrow();
        long now = Totp.step(clock.instant());
        byte[] typed = code.getBytes(StandardCharsets.US_ASCII);
        for (long step = now + 1; step >= now - 1; step--) {
            if (step > after && MessageDigest.isEqual(typed, Totp.code(key, step).getBytes(StandardCharsets.US_ASCII))) {
                return Optional.of(step);
            }
        }
        return Optional.empty();
    }

    private static boolean isTotpShaped(String code) {
        return code != null && code.length() == Totp.DIGITS && code.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private OneTimeTicket enrolmentTicket(String secret) {
        return tickets.usable(secret, OneTimeTicket.Purpose.TWO_FACTOR_ENROLMENT).orElseThrow(TwoFactorService::invalidChallenge);
    }

    private String otpauthUri(Account account, String secret) {
        String label = account instanceof PatientAccount patient ? patient.email().value()
                : "CRM " + ((DoctorAccount) account).crm().value();
        String issuer = encode(properties.issuer());
        return "otpauth://totp/" + issuer + ":" + encode(label) + "?secret=" + secret + "&issuer=" + issuer
                + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP.getSeconds();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static DomainException wrongCode() {
        return new DomainException(IdentityErrors.INVALID_TWO_FACTOR_CODE, "The code is wrong.");
    }

    private static DomainException alreadyEnabled() {
        return new DomainException(IdentityErrors.TWO_FACTOR_ALREADY_ENABLED, "Two-factor login is already on for this account.");
    }

    private static DomainException notStarted() {
        return new DomainException(IdentityErrors.TWO_FACTOR_ENROLMENT_NOT_STARTED, "Start the enrolment first (beginTwoFactorEnrolment).");
    }

    static DomainException invalidChallenge() {
        return new DomainException(IdentityErrors.INVALID_CHALLENGE, "This challenge is not valid any more; log in again.");
    }
}
