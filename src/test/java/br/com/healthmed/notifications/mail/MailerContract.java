package br.com.healthmed.notifications.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.healthmed.notifications.Mail;
import br.com.healthmed.notifications.MailDeliveryException;
import br.com.healthmed.notifications.Mailer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Mailer} promises: the recipient gets exactly what was sent (Portuguese text and
 * HTML, the calendar invite's name, type and bytes), and a message the service refuses is a
 * permanent failure that delivers nothing.
 */
abstract class MailerContract {

    static final String FROM = "Health&Med <nao-responda@healthmed.example>";

    protected abstract Mailer mailer();

    /** What the mail service delivered to this address, oldest first. */
    protected abstract List<Received> receivedBy(String address);

    record Received(String from, String to, String subject, String text, String html, List<ReceivedAttachment> attachments) {}

    record ReceivedAttachment(String fileName, String contentType, byte[] content) {}

    @Test
    void theRecipientGetsTheTextTheHtmlAndTheCalendarInviteAsSent() {
        String to = recipient();
        byte[] invite = "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nSUMMARY:Consulta com Dr(a). João Araújo\r\nEND:VCALENDAR\r\n"
                .getBytes(StandardCharsets.UTF_8);
        Mail mail = new Mail(to, "Ana Conceição", "Consulta confirmada: 10/12 às 09:00",
                "Olá, Ana Conceição!\nSua consulta com Dr(a). João Araújo está confirmada.",
                "<p>Olá, Ana Conceição!</p><p>Sua consulta com Dr(a). João Araújo está confirmada.</p>",
                List.of(new Mail.Attachment("consulta.ics", "text/calendar; method=REQUEST; charset=UTF-8", invite)));

        mailer().send(mail);

        assertThat(receivedBy(to)).singleElement().satisfies(received -> {
            assertThat(received.from()).isEqualTo(FROM);
            assertThat(received.subject()).isEqualTo(mail.subject());
            assertThat(received.text()).isEqualTo(mail.text());
            assertThat(received.html()).isEqualTo(mail.html());
            assertThat(received.attachments()).singleElement().satisfies(attachment -> {
                assertThat(attachment.fileName()).isEqualTo("consulta.ics");
                assertThat(attachment.contentType()).isEqualTo("text/calendar; method=REQUEST; charset=UTF-8");
                assertThat(attachment.content()).isEqualTo(invite);
            });
        });
    }

    @Test
    void eachMessageArrivesOnceAndOnlyForItsRecipient() {
        String first = recipient();
        String second = recipient();

        mailer().send(new Mail(first, "Paciente", "Lembrete: consulta amanhã", "Sua consulta é amanhã.", "<p>Sua consulta é amanhã.</p>", List.of()));
        mailer().send(new Mail(second, "Médica", "Nova solicitação de consulta", "Você recebeu uma solicitação.", "<p>Você recebeu uma solicitação.</p>", List.of()));

        assertThat(receivedBy(first)).extracting(Received::subject).containsExactly("Lembrete: consulta amanhã");
        assertThat(receivedBy(second)).singleElement().satisfies(r -> assertThat(r.attachments()).isEmpty());
    }

    @Test
    void aMessageTheServiceRefusesIsAPermanentFailureAndNothingIsDelivered() {
        String to = recipient();

        assertThatThrownBy(() -> mailer().send(new Mail(to, "Paciente", "", "Sem assunto.", "<p>Sem assunto.</p>", List.of())))
                .isInstanceOfSatisfying(MailDeliveryException.class, e -> {
                    assertThat(e.permanent()).isTrue();
                    assertThat(e.getMessage()).doesNotContain(to);
                });
        assertThat(receivedBy(to)).isEmpty();
    }

    private static String recipient() {
        return "pessoa." + UUID.randomUUID() + "@example.com";
    }
}
