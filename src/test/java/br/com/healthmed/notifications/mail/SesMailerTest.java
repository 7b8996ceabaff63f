package br.com.healthmed.notifications.mail;

import br.com.healthmed.notifications.Mailer;
import br.com.healthmed.notifications.NotificationsProperties;
import br.com.healthmed.support.SesLocal;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** The Amazon SES v2 adapter, with the client as configured in production, against aws-ses-v2-local. */
class SesMailerTest extends MailerContract {

    private final SesV2Client client = MailerConfig.sesClient(
            new NotificationsProperties.Ses("sa-east-1", SesLocal.endpoint(), null, 2));
    private final Mailer mailer = new SesMailer(client, FROM, Optional.empty());

    @AfterEach
    void close() {
        client.close();
    }

    @Override
    protected Mailer mailer() {
        return mailer;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected List<Received> receivedBy(String address) {
        return SesLocal.received().stream()
                .filter(email -> ((List<String>) ((Map<String, Object>) email.get("destination")).get("to")).contains(address))
                .map(email -> {
                    Map<String, Object> body = (Map<String, Object>) email.get("body");
                    List<Map<String, Object>> attachments = (List<Map<String, Object>>) email.getOrDefault("attachments", List.of());
                    return new Received((String) email.get("from"), address, (String) email.get("subject"),
                            (String) body.get("text"), (String) body.get("html"), attachments.stream()
                            .map(a -> new ReceivedAttachment((String) a.get("filename"), (String) a.get("contentType"),
                                    Base64.getDecoder().decode((String) a.get("content"))))
                            .toList());
                })
                .toList();
    }
}
