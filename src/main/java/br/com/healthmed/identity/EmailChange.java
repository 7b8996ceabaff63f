package br.com.healthmed.identity;

import br.com.healthmed.identity.EmailCodeStore.PendingCode;
import br.com.healthmed.identity.EmailCodeStore.Purpose;
import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.PlatformErrors;
import br.com.healthmed.platform.storage.StorageDeadline;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Moving an account to another e-mail address (a doctor: giving the account its first one). Asked for
 * with the password ({@link #request}): a code goes to the new address and a notice to the current one,
 * whether or not another account has the new address; nothing changes until the code comes back
 * ({@link #confirm}), which alone may answer {@code EMAIL_TAKEN}: to whoever reads that mailbox.
 *
 * <p>The confirmation's steps, none needing a multi-item transaction: the code is used up (one
 * conditional write: a code confirms once); the new address's login claim is taken (one conditional
 * write: {@code EMAIL_TAKEN} if another account holds it, so two accounts never share an address
 * however requests race); the account moves to the new address only if it still has the old one (one
 * conditional write, the commit point); the old address's claim is given back. Should the move not
 * happen, the new claim is given back. A step left undone by a crash leaves a claim its holder does not
 * use: login ignores such a claim (the account must use the identifier), and {@link LoginClaims} hands it
 * to the next account that needs it. The account always keeps a login: its old address until the move,
 * the new one from then on.
 */
@Service
public class EmailChange {

    private static final Logger log = LoggerFactory.getLogger(EmailChange.class);

    private final AccountStore accounts;
    private final LoginClaims claims;
    private final PasswordConfirmation password;
    private final EmailVerification verification;
    private final CodeThrottle throttle;
    private final AccountMessages messages;
    private final SecurityLog securityLog;
    private final Clock clock;

    EmailChange(AccountStore accounts, LoginClaims claims, PasswordConfirmation password, EmailVerification verification,
                CodeThrottle throttle, AccountMessages messages, SecurityLog securityLog, Clock clock) {
        this.accounts = accounts;
        this.claims = claims;
        this.password = password;
        this.verification = verification;
        this.throttle = throttle;
        this.messages = messages;
        this.securityLog = securityLog;
        this.clock = clock;
    }

    /** Sends a code to {@code newEmail} and a notice to the current address; changes nothing yet. */
    public void request(AccountId caller, String newEmail, String typedPassword, String clientAddress) {
        Account account = accounts.find(caller).orElseThrow(() -> DomainException.notFound("Account"));
        Email to = Email.parse(newEmail, "newEmail");
        password.confirm(account, typedPassword, clientAddress, "password");
        if (account.loginEmail().filter(to::equals).isPresent()) {
            throw DomainException.invalid(PlatformErrors.BAD_USER_INPUT, "newEmail", "This is already the account's e-mail address.");
        }
        // No EMAIL_TAKEN here: it would tell any logged-in account, before any throttle, whether an address
        // has an account. Only confirm says it, and confirm needs the code sent to that address's mailbox.
        throttle.send(caller);
        verification.issue(account, Purpose.CHANGE_EMAIL, to);
        account.loginEmail().ifPresent(current -> noticeTo(account, current, to));
        securityLog.record(caller, SecurityEventKind.EMAIL_CHANGE_REQUESTED, Optional.of(clientAddress));
    }

    /** Moves the caller's account to the address the code was sent to. */
    public Account confirm(AccountId caller, String typedCode, String clientAddress) {
        Account account = accounts.find(caller).orElseThrow(() -> DomainException.notFound("Account"));
        PendingCode code = verification.redeem(caller, Purpose.CHANGE_EMAIL, typedCode, clientAddress);
        Email to = code.email();
        Optional<Email> from = account.loginEmail();
        LoginClaim newClaim = LoginClaim.of(to);
        if (!claims.take(newClaim, caller)) {
            throw new DomainException(IdentityErrors.EMAIL_TAKEN, "Another account uses this e-mail address now; ask again with another one.");
        }
        boolean moved;
        try {
            moved = accounts.changeEmail(caller, from, to);
        } catch (RuntimeException failed) {
            giveBackUnlessMoved(caller, newClaim, to, failed);
            throw failed;
        }
        if (!moved) {
            // the account's address changed meanwhile (another confirmation won): this one is void
            claims.release(newClaim, caller);
            throw EmailVerification.invalidCode();
        }
        from.ifPresent(old -> releaseOld(caller, LoginClaim.of(old)));
        securityLog.record(caller, SecurityEventKind.EMAIL_CHANGED, Optional.of(clientAddress));
        return account.withEmail(to);
    }

    private void noticeTo(Account account, Email current, Email to) {
        try {
            messages.sendEmailChangeNotice(UUID.randomUUID().toString(),
                    new AccountMessages.Recipient(account.id(), account.name(), current), to, clock.instant());
        } catch (RuntimeException notNow) {
            // the code went out; the change still needs it, and the security log shows the request
            log.warn("E-mail change notice for account {} not sent: {}", account.id(), notNow.toString());
        }
    }

    /** The move failed without an answer: give the new claim back unless the account has the new address after all. */
    private void giveBackUnlessMoved(AccountId caller, LoginClaim newClaim, Email to, RuntimeException original) {
        try (StorageDeadline.Scope lifted = StorageDeadline.lifted()) { // whatever the request's deadline left
            if (accounts.find(caller).flatMap(Account::loginEmail).filter(to::equals).isEmpty()) {
                claims.release(newClaim, caller);
            }
        } catch (RuntimeException cleanup) {
            original.addSuppressed(cleanup);
        }
    }

    /** Best effort: a claim left behind is not a way in (login needs the account to use it) and is recovered later. */
    private void releaseOld(AccountId caller, LoginClaim old) {
        try {
            claims.release(old, caller);
        } catch (RuntimeException later) {
            log.warn("Old e-mail claim of account {} not released now ({}); it is recovered when someone needs it",
                    caller, later.toString());
        }
    }
}
