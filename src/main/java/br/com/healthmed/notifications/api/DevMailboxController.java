package br.com.healthmed.notifications.api;

import br.com.healthmed.notifications.Mail;
import br.com.healthmed.notifications.mail.InMemoryMailer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /dev/mailbox}: what the embedded mailer "sent", oldest first, for developers and tests
 * ({@code ?to=} keeps one recipient's). Only in the {@code local} profile with the in-memory mailer:
 * production has neither, so this never exists there.
 */
@RestController
@Profile("local")
@ConditionalOnProperty(name = "healthmed.notifications.mailer", havingValue = "memory", matchIfMissing = true)
class DevMailboxController {

    private final InMemoryMailer mailer;

    DevMailboxController(InMemoryMailer mailer) {
        this.mailer = mailer;
    }

    record Message(String from, String to, String subject, String text, String html, List<Attachment> attachments) {}

    /** {@code content}: the attachment as text (every attachment the service sends is text: calendar files). */
    record Attachment(String fileName, String contentType, String content) {}

    @GetMapping(path = "/dev/mailbox", produces = "application/json")
    List<Message> mailbox(@RequestParam(required = false) String to) {
        return mailer.outbox().stream()
                .filter(sent -> to == null || sent.mail().to().equalsIgnoreCase(to))
                .map(sent -> message(sent.from(), sent.mail()))
                .toList();
    }

    private static Message message(String from, Mail mail) {
        return new Message(from, mail.to(), mail.subject(), mail.text(), mail.html(), mail.attachments().stream()
                .map(a -> new Attachment(a.fileName(), a.contentType(), new String(a.content(), StandardCharsets.UTF_8)))
                .toList());
    }
}
