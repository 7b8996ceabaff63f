package br.com.healthmed.identity;

import java.time.Instant;
import java.util.Objects;
import org.springframework.modulith.NamedInterface;

/**
 * The e-mails identity sends about an account itself, implemented by the notifications module (which
 * depends on identity, not the other way round). Messages carry no clinical detail and no personal data
 * beyond the greeting's name; a code is the only secret in them.
 *
 * <p>Each call hands one message to the mail service, at most once per {@code messageId}. When the mail
 * service cannot take it now, the call throws a {@code DomainException} with {@code SERVICE_BUSY} and
 * {@code retryAfterSeconds}; an address the mail service refuses for good is dropped (and logged by id).
 */
@NamedInterface("api")
public interface AccountMessages {

    /** Whom a message goes to: the account (for the delivery record), the greeting's name, the address. */
    record Recipient(AccountId account, String name, Email email) {
        public Recipient {
            Objects.requireNonNull(account);
            Objects.requireNonNull(name);
            Objects.requireNonNull(email);
        }

        /** Only the account id: name and address must not reach logs. */
        @Override
        public String toString() {
            return "Recipient[account=" + account + "]";
        }
    }

    /**
     * A code proving that the recipient reads this address, with a link to the app carrying it: to
     * verify an account's e-mail ({@code VERIFY_EMAIL}), or the address it asked to move to
     * ({@code CHANGE_EMAIL}). {@code code} is as the person types it ({@code 1234-5678}).
     */
    void sendCode(String messageId, Recipient to, EmailCodeStore.Purpose purpose, String code, Instant expiresAt);

    /**
     * Tells the account's current address that a change to {@code newAddress} was asked for (and takes
     * effect only once confirmed from there), so an owner whose session was stolen hears of it.
     */
    void sendEmailChangeNotice(String messageId, Recipient currentAddress, Email newAddress, Instant requestedAt);

    /**
     * Tells an address's owner that someone tried to register a patient account with it (nothing was
     * created): if it was them, log in or reset the password. Nothing else of the attempt: no password,
     * no CPF, no name typed.
     */
    void sendRegistrationAttempt(String messageId, Recipient owner, Instant attemptedAt);

    /**
     * Tells an address without an account that a registration with it could not be completed with the
     * data given (another account has that CPF): log in or reset the password if they already have an
     * account. Names neither the other account nor its address. {@code name} is the name typed.
     */
    void sendRegistrationNotCompleted(String messageId, Email address, String name, Instant attemptedAt);
}
