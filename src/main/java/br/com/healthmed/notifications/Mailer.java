package br.com.healthmed.notifications;

/**
 * Sends e-mail. Implementations must pass {@code MailerContract}: what {@link #send} accepted is
 * delivered with the same recipient, subject, text, HTML and attachments (names, types and bytes);
 * an address the mail service refuses is a {@linkplain MailDeliveryException#permanent() permanent}
 * failure, a throttled or failing service a transient one. {@code send} returns only once the
 * service has taken the message.
 */
public interface Mailer {

    void send(Mail mail) throws MailDeliveryException;
}
