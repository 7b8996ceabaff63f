package br.com.healthmed.identity;

import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.PlatformErrors;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Looks up the account of a reset request and e-mails its token, off the request's thread. The
 * request answers before any of this runs, so its shape and its timing are the same whether an account
 * exists or not: no lookup, no token write and no e-mail send shows in the response time.
 *
 * <p>The e-mail goes to the account's own address ({@link Account#loginEmail}): a patient's, or a
 * doctor's once they confirmed one; a doctor without one gets none (the caller's answer is the same).
 *
 * <p>Not durable: a request whose e-mail was queued when the instance stopped, or which the mail
 * service refused, sends nothing, and the person asks again (the answer said to check the inbox).
 */
@Component
class PasswordResetMailing implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PasswordResetMailing.class);

    private final LoginClaimStore claims;
    private final AccountStore accounts;
    private final OneTimeTickets tickets;
    private final PasswordResetMessages messages;
    private final PasswordResetProperties properties;
    private final SecurityLog securityLog;
    private final ThreadPoolExecutor executor;

    PasswordResetMailing(LoginClaimStore claims, AccountStore accounts, OneTimeTickets tickets,
                         PasswordResetMessages messages, PasswordResetProperties properties, SecurityLog securityLog) {
        this.claims = claims;
        this.accounts = accounts;
        this.tickets = tickets;
        this.messages = messages;
        this.properties = properties;
        this.securityLog = securityLog;
        this.executor = MailQueues.twoThreads("password-reset-mail", properties.maxQueued());
    }

    /** Queues the e-mail for whoever holds this login, if anyone; {@code SERVICE_BUSY} when the queue is full. */
    void enqueue(LoginClaim login, String clientAddress) {
        try {
            executor.execute(() -> send(login, clientAddress));
        } catch (RejectedExecutionException full) {
            // The queue's length says nothing about any account: the same answer for all.
            throw new DomainException(PlatformErrors.SERVICE_BUSY, "Too many requests in progress; try again in a moment.",
                    Map.of("retryAfterSeconds", 5L));
        }
    }

    private void send(LoginClaim login, String clientAddress) {
        try {
            Optional<Account> account = claims.holder(login).flatMap(holder -> accounts.find(holder.owner()))
                    .filter(holder -> holder.uses(login));
            Optional<Email> address = account.flatMap(Account::loginEmail);
            if (account.isEmpty()) {
                return;
            }
            // In the owner's log even when no e-mail can go out (a doctor without an account e-mail).
            securityLog.record(account.get().id(), SecurityEventKind.PASSWORD_RESET_REQUESTED, Optional.of(clientAddress));
            if (address.isEmpty()) {
                return;
            }
            OneTimeTickets.Issued token = tickets.issue(OneTimeTicket.Purpose.PASSWORD_RESET, account.get().id(),
                    properties.tokenTtl(), Optional.of(PasswordService.binding(account.get())));
            messages.sendPasswordReset(new PasswordResetMessages.PasswordResetMail(address.get(), account.get().name(),
                    token.secret(), token.expiresAt()));
        } catch (RuntimeException failed) {
            // No personal data: the login identifier stays out of the log.
            log.warn("A password-reset e-mail could not be sent ({}); the person may ask again", failed.getClass().getSimpleName());
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
