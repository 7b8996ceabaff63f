package br.com.healthmed.identity;

import br.com.healthmed.platform.ratelimit.CounterKeys;
import br.com.healthmed.platform.ratelimit.RateCounters;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The one e-mail each patient registration sends, sent off the request's thread: the new account's
 * verification code, the notice to an address's owner that someone tried to register with it, or the
 * notice that a registration could not be completed (a CPF that has an account). Every case queues
 * exactly one task and returns at once, so neither the answer nor its time says which case it was; a
 * send that fails, or a full queue, is logged with no personal data and the answer stays the same
 * (the person asks again, or logs in and asks for another code).
 *
 * <p>The two notices are limited per address ({@code healthmed.email-codes.max-sends-per-account} within
 * {@code send-window}, as codes are per account): registering again and again with someone's address
 * must not flood their inbox. Past the limit the notice is dropped in silence.
 *
 * <p>Not durable, as password-reset e-mails are not: a task queued when the instance stops is lost.
 */
@Component
class RegistrationMailing implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RegistrationMailing.class);
    static final int MAX_QUEUED = 1_000;

    private final EmailVerification verification;
    private final LoginClaimStore claims;
    private final AccountStore accounts;
    private final AccountMessages messages;
    private final RateCounters counters;
    private final EmailCodeProperties limits;
    private final Clock clock;
    private final ThreadPoolExecutor executor;

    RegistrationMailing(EmailVerification verification, LoginClaimStore claims, AccountStore accounts,
                        AccountMessages messages, RateCounters counters, EmailCodeProperties limits, Clock clock) {
        this.verification = verification;
        this.claims = claims;
        this.accounts = accounts;
        this.messages = messages;
        this.counters = counters;
        this.limits = limits;
        this.clock = clock;
        this.executor = MailQueues.twoThreads("registration-mail", MAX_QUEUED);
    }

    /** The new account's first verification code. */
    void sendVerificationCode(PatientAccount account) {
        later(() -> verification.sendAfterRegistration(account));
    }

    /** A new verification code for the unverified patient who has {@code email}, if there is one. */
    void resendVerificationCode(Email email, String clientAddress) {
        later(() -> verification.resendByAddress(email, clientAddress));
    }

    /** Tells whoever holds {@code email} (if anyone uses it) that a registration with it was tried. */
    void tellOwnerOfAttempt(Email email) {
        later(() -> claims.holder(LoginClaim.of(email))
                .flatMap(holder -> accounts.find(holder.owner()))
                // a claim still being used by a registration in progress, or left behind, has no owner to tell
                .filter(owner -> owner.uses(LoginClaim.of(email)))
                .filter(owner -> withinLimit(email))
                .ifPresent(owner -> messages.sendRegistrationAttempt(UUID.randomUUID().toString(),
                        new AccountMessages.Recipient(owner.id(), owner.name(), email), clock.instant())));
    }

    /** Tells {@code email}, which has no account, that a registration with it could not be completed. */
    void tellRegistrationNotCompleted(Email email, String typedName) {
        later(() -> {
            if (withinLimit(email)) {
                messages.sendRegistrationNotCompleted(UUID.randomUUID().toString(), email, typedName, clock.instant());
            }
        });
    }

    private boolean withinLimit(Email email) {
        return counters.tryAcquire(CounterKeys.of("registration-notices", email.value()),
                limits.maxSendsPerAccount(), limits.sendWindow()).acquired();
    }

    private void later(Runnable send) {
        try {
            executor.execute(() -> {
                try {
                    send.run();
                } catch (RuntimeException failed) {
                    log.warn("A registration e-mail could not be sent ({}); the person may ask again",
                            failed.getClass().getSimpleName());
                }
            });
        } catch (RejectedExecutionException full) {
            // The same answer as when it was queued: the queue's length says nothing about any account.
            log.warn("Registration e-mail queue full ({} waiting); one e-mail dropped", MAX_QUEUED);
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
