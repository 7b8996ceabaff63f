package br.com.healthmed.notifications;

import java.util.List;
import java.util.Objects;

/**
 * One e-mail to one person: a subject, a plain-text and an HTML body with the same content, and
 * attachments (a calendar invite). The sender is the mailer's configured address.
 */
public record Mail(String to, String toName, String subject, String text, String html, List<Attachment> attachments) {

    public Mail {
        Objects.requireNonNull(to);
        Objects.requireNonNull(toName);
        Objects.requireNonNull(subject);
        Objects.requireNonNull(text);
        Objects.requireNonNull(html);
        attachments = List.copyOf(attachments);
    }

    /** A file sent with the e-mail; {@code contentType} may carry parameters ({@code text/calendar; method=REQUEST}). */
    public record Attachment(String fileName, String contentType, byte[] content) {
        public Attachment {
            Objects.requireNonNull(fileName);
            Objects.requireNonNull(contentType);
            content = content.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }
    }

    /** Nothing of the content: addresses, names, subjects and bodies are personal data that must not reach logs. */
    @Override
    public String toString() {
        return "Mail[attachments=" + attachments.size() + "]";
    }
}
