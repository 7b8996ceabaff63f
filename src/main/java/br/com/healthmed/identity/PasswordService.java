package br.com.healthmed.identity;

import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.PlatformErrors;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Changing a password, and resetting a forgotten one by e-mail.
 *
 * <p>A change or a reset ends the account's sessions — every other one on a change (the caller's
 * stays), all of them on a reset — before and again after the new hash is stored: the first pass
 * leaves no session a thief holds working with the new password, the second ends one that logged in
 * with the old password while the change was being written.
 *
 * <p>A reset token is single use (its use is one conditional write), works 30 minutes, and is bound
 * to the password it was issued under: any later change of the password voids every token sent before.
 * A reset also verifies an unverified patient's e-mail (the link proved the mailbox).
 */
@Service
public class PasswordService {

    private final AccountStore accounts;
    private final PasswordHasher passwords;
    private final PasswordPolicy policy;
    private final LoginThrottle throttle;
    private final Reauthentication reauthentication;
    private final SessionService sessions;
    private final OneTimeTickets tickets;
    private final PasswordResetMailing mailing;
    private final SecurityLog securityLog;
    private final Clock clock;

    PasswordService(AccountStore accounts, PasswordHasher passwords, PasswordPolicy policy, LoginThrottle throttle,
                    Reauthentication reauthentication, SessionService sessions, OneTimeTickets tickets,
                    PasswordResetMailing mailing, SecurityLog securityLog, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.policy = policy;
        this.throttle = throttle;
        this.reauthentication = reauthentication;
        this.sessions = sessions;
        this.tickets = tickets;
        this.mailing = mailing;
        this.securityLog = securityLog;
        this.clock = clock;
    }

    /** A logged-in person changes their password; every other session of the account ends at once. */
    public void changePassword(AccountId id, String keptSession, String currentPassword, String newPassword, String address) {
        String password = PasswordHasher.normalised(newPassword);
        policy.check(password, "newPassword");
        reauthentication.verify(id, currentPassword, "currentPassword", address);
        String hash = passwords.hash(password);
        sessions.revokeAllExcept(id, keptSession, SessionEnded.Reason.PASSWORD_CHANGED);
        accounts.updatePasswordHash(id, hash);
        sessions.revokeAllExcept(id, keptSession, SessionEnded.Reason.PASSWORD_CHANGED);
        securityLog.record(id, SecurityEventKind.PASSWORD_CHANGED, Optional.of(address));
    }

    /**
     * Asks for a reset e-mail to the holder of this e-mail, CPF or CRM. The answer is the same, after
     * the same work, whether or not such an account exists ({@link PasswordResetMailing}). Every
     * request counts against the login identifier's and the address's budget, so nobody's inbox can
     * be flooded.
     */
    public void requestReset(String login, String address) {
        LoginClaim claim = parse(login);
        String identifier = claim.kind() + ":" + claim.value();
        throttle.attempt(LoginThrottle.Check.PASSWORD_RESET_REQUEST, identifier, address);
        throttle.failed(LoginThrottle.Check.PASSWORD_RESET_REQUEST, identifier, address);
        mailing.enqueue(claim, address);
    }

    /** Sets a new password with an e-mailed token; every session of the account ends. */
    public void resetPassword(String token, String newPassword, String address) {
        String password = PasswordHasher.normalised(newPassword);
        policy.check(password, "newPassword");
        String guess = SessionService.hash(token == null ? "" : token);
        throttle.attempt(LoginThrottle.Check.PASSWORD_RESET, guess, address);
        Optional<OneTimeTicket> found;
        try {
            found = tickets.find(token, OneTimeTicket.Purpose.PASSWORD_RESET);
        } catch (RuntimeException noAnswer) {
            throttle.abandoned(LoginThrottle.Check.PASSWORD_RESET, guess, address);
            throw noAnswer;
        }
        if (found.isEmpty()) {
            throttle.failed(LoginThrottle.Check.PASSWORD_RESET, guess, address);
            throw new DomainException(IdentityErrors.INVALID_RESET_TOKEN, "This is not a valid password-reset token.");
        }
        throttle.succeeded(LoginThrottle.Check.PASSWORD_RESET, guess, address);
        OneTimeTicket ticket = found.get();
        if (ticket.usedAt().isPresent()) {
            throw used();
        }
        if (ticket.isExpiredAt(clock.instant())) {
            throw new DomainException(IdentityErrors.RESET_TOKEN_EXPIRED, "This password-reset token has expired; ask for a new e-mail.");
        }
        Account account = accounts.find(ticket.account())
                .orElseThrow(() -> new DomainException(IdentityErrors.INVALID_RESET_TOKEN, "This is not a valid password-reset token."));
        if (!ticket.binding().equals(Optional.of(binding(account)))) {
            throw used();
        }
        String hash = passwords.hash(password);
        if (!tickets.use(ticket)) {
            throw used();
        }
        sessions.revokeAll(account.id(), SessionEnded.Reason.PASSWORD_CHANGED);
        accounts.updatePasswordHash(account.id(), hash);
        boolean verifiedNow = verifyEmail(account);
        sessions.revokeAll(account.id(), SessionEnded.Reason.PASSWORD_CHANGED);
        securityLog.record(account.id(), SecurityEventKind.PASSWORD_RESET, Optional.of(address));
        if (verifiedNow) {
            securityLog.record(account.id(), SecurityEventKind.EMAIL_VERIFIED, Optional.of(address));
        }
    }

    /**
     * The reset link went to the patient's address, so its use proves the mailbox as a verification code
     * would: an unverified patient's e-mail becomes verified. This is how the owner of an address that
     * someone else registered (with a password of their own) takes the account: the reset replaces that
     * password and ends every session. True if the e-mail was verified now.
     */
    private boolean verifyEmail(Account account) {
        return account instanceof PatientAccount patient && !patient.emailVerified()
                && accounts.markEmailVerified(patient.id(), patient.email());
    }

    /** What ties a reset token to the password it was issued under (a digest, never the hash itself). */
    static String binding(Account account) {
        return SessionService.hash(account.passwordHash());
    }

    /** An e-mail (has '@'), a CRM (has '/' or letters), or a CPF. */
    private static LoginClaim parse(String login) {
        String typed = login == null ? "" : login.strip();
        if (typed.contains("@")) {
            return Email.tryParse(typed).map(LoginClaim::of).orElseThrow(PasswordService::badLogin);
        }
        if (typed.chars().anyMatch(c -> c == '/' || Character.isLetter(c))) {
            return Crm.tryParse(typed).map(LoginClaim::of).orElseThrow(PasswordService::badLogin);
        }
        return Cpf.tryParse(typed).map(LoginClaim::of).orElseThrow(PasswordService::badLogin);
    }

    private static DomainException badLogin() {
        return DomainException.invalid(PlatformErrors.BAD_USER_INPUT, "login",
                "Give the e-mail or CPF you log in with, or your CRM (e.g. 123456/SP).");
    }

    private static DomainException used() {
        return new DomainException(IdentityErrors.RESET_TOKEN_USED,
                "This password-reset token was already used, or the password changed since; ask for a new e-mail.");
    }
}
