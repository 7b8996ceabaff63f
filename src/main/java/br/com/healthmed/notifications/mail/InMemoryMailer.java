package br.com.healthmed.notifications.mail;

import br.com.healthmed.notifications.Mail;
import br.com.healthmed.notifications.MailDeliveryException;
import br.com.healthmed.notifications.Mailer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The embedded mailer: an outbox in memory, newest last, keeping the last {@value #CAPACITY} e-mails
 * (the local profile shows it at {@code GET /dev/mailbox}). It refuses what SES would refuse for the
 * same reasons, so a refused message behaves alike locally and in production.
 */
public class InMemoryMailer implements Mailer {

    static final int CAPACITY = 500;
    /** The address shape SES takes: one {@code @}, a dotted domain, no spaces or angle brackets. */
    private static final Pattern ADDRESS = Pattern.compile("^[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+$");

    private final String from;
    private final Deque<Sent> outbox = new ArrayDeque<>();

    public InMemoryMailer(String from) {
        this.from = from;
    }

    /** An e-mail as the outbox keeps it: the sender it went out with, and the message. */
    public record Sent(String from, Mail mail) {}

    @Override
    public void send(Mail mail) {
        if (!ADDRESS.matcher(mail.to()).matches()) {
            throw MailDeliveryException.permanent("Recipient address refused", null);
        }
        if (mail.subject().isBlank() || (mail.text().isBlank() && mail.html().isBlank())) {
            throw MailDeliveryException.permanent("Message refused: it needs a subject and a body", null);
        }
        synchronized (outbox) {
            outbox.addLast(new Sent(from, mail));
            while (outbox.size() > CAPACITY) {
                outbox.removeFirst();
            }
        }
    }

    /** What was sent, oldest first. */
    public List<Sent> outbox() {
        synchronized (outbox) {
            return List.copyOf(outbox);
        }
    }
}
