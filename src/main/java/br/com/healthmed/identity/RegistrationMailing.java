package br.com.healthmed.identity;

import br.com.healthmed.platform.ratelimit.CounterKeys;
import br.com.healthmed.platform.ratelimit.RateCounters;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The one e-mail each patient registration sends, from its task on the {@link RegistrationQueue} (after
 * the answer): the new account's verification code, the notice to an address's owner that someone
 * tried to register with it, or the notice that a registration could not be completed (a CPF that has
 * an account). A send that fails is logged with no personal data (by the queue); the answer was the same.
 *
 * <p>The two notices are limited per address ({@code healthmed.email-codes.max-sends-per-account} within
 * {@code send-window}, as codes are per account): registering again and again with someone's address
 * must not flood their inbox. Past the limit the notice is dropped in silence.
 */
@Component
class RegistrationMailing {

    private final EmailVerification verification;
    private final LoginClaimStore claims;
    private final AccountStore accounts;
    private final AccountMessages messages;
    private final RateCounters counters;
    private final EmailCodeProperties limits;
    private final Clock clock;

    RegistrationMailing(EmailVerification verification, LoginClaimStore claims, AccountStore accounts,
                        AccountMessages messages, RateCounters counters, EmailCodeProperties limits, Clock clock) {
        this.verification = verification;
        this.claims = claims;
        this.accounts = accounts;
        this.messages = messages;
        this.counters = counters;
        this.limits = limits;
        this.clock = clock;
    }

    /** The new account's first verification code. */
    void sendVerificationCode(PatientAccount account) {
        verification.sendAfterRegistration(account);
    }

    /** Tells whoever holds {@code email} (if anyone uses it) that a registration with it was tried. */
    void tellOwnerOfAttempt(Email email) {
        claims.holder(LoginClaim.of(email))
                .flatMap(holder -> accounts.find(holder.owner()))
                // a claim still being used by a registration in progress, or left behind, has no owner to tell
                .filter(owner -> owner.uses(LoginClaim.of(email)))
                .filter(owner -> withinLimit(email))
                .ifPresent(owner -> messages.sendRegistrationAttempt(UUID.randomUUID().toString(),
                        new AccountMessages.Recipient(owner.id(), owner.name(), email), clock.instant()));
    }

    /** Tells {@code email}, which has no account, that a registration with it could not be completed. */
    void tellRegistrationNotCompleted(Email email, String typedName) {
        if (withinLimit(email)) {
            messages.sendRegistrationNotCompleted(UUID.randomUUID().toString(), email, typedName, clock.instant());
        }
    }

    private boolean withinLimit(Email email) {
        return counters.tryAcquire(CounterKeys.of("registration-notices", email.value()),
                limits.maxSendsPerAccount(), limits.sendWindow()).acquired();
    }
}
