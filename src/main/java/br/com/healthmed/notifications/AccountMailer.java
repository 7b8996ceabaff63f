package br.com.healthmed.notifications;

import br.com.healthmed.identity.AccountMessages;
import br.com.healthmed.identity.Email;
import br.com.healthmed.identity.EmailCodeStore;
import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.PlatformErrors;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Identity's account e-mails ({@link AccountMessages}), in the templates' style, sent through
 * {@link Deliveries}: at most once per message id, behind the mail service's circuit breaker. A message
 * the mail service cannot take now is {@code SERVICE_BUSY}: the caller asks again (a new code). The
 * notice to an address without an account has no account to record a delivery for: it goes straight to
 * the {@link Mailer}, once (identity sends it off the request's thread and does not retry it).
 */
@Component
class AccountMailer implements AccountMessages {

    static final long RETRY_AFTER_SECONDS = 30;

    private final MailTemplates templates;
    private final Deliveries deliveries;
    private final Mailer mailer;

    AccountMailer(MailTemplates templates, Deliveries deliveries, Mailer mailer) {
        this.templates = templates;
        this.deliveries = deliveries;
        this.mailer = mailer;
    }

    @Override
    public void sendCode(String messageId, Recipient to, EmailCodeStore.Purpose purpose, String code, Instant expiresAt) {
        MailTemplates.Notice notice = switch (purpose) {
            case VERIFY_EMAIL -> templates.emailVerificationCode(to.name(), code, expiresAt);
            case CHANGE_EMAIL -> templates.emailChangeCode(to.name(), code, expiresAt);
        };
        deliver("account-code#" + messageId, to, notice);
    }

    @Override
    public void sendEmailChangeNotice(String messageId, Recipient currentAddress, Email newAddress, Instant requestedAt) {
        deliver("email-change-notice#" + messageId, currentAddress,
                templates.emailChangeNotice(currentAddress.name(), newAddress.value(), requestedAt));
    }

    @Override
    public void sendRegistrationAttempt(String messageId, Recipient owner, Instant attemptedAt) {
        deliver("registration-attempt#" + messageId, owner, templates.registrationAttempt(owner.name(), attemptedAt));
    }

    @Override
    public void sendRegistrationNotCompleted(String messageId, Email address, String name, Instant attemptedAt) {
        mailer.send(templates.render(templates.registrationNotCompleted(name, attemptedAt), address.value(), List.of()));
    }

    private void deliver(String deliveryId, Recipient to, MailTemplates.Notice notice) {
        try {
            deliveries.deliver(deliveryId, to.account(), templates.render(notice, to.email().value(), List.of()));
        } catch (Deliveries.NotDeliveredYet notNow) {
            throw new DomainException(PlatformErrors.SERVICE_BUSY, "The e-mail could not be sent now; try again in a moment.",
                    Map.of("retryAfterSeconds", RETRY_AFTER_SECONDS));
        }
    }
}
