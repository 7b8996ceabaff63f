package br.com.healthmed.notifications.mail;

import br.com.healthmed.notifications.Mailer;
import java.util.List;

/** The embedded outbox. */
class InMemoryMailerTest extends MailerContract {

    private final InMemoryMailer mailer = new InMemoryMailer(FROM);

    @Override
    protected Mailer mailer() {
        return mailer;
    }

    @Override
    protected List<Received> receivedBy(String address) {
        return mailer.outbox().stream().filter(sent -> sent.mail().to().equals(address))
                .map(sent -> new Received(sent.from(), sent.mail().to(), sent.mail().subject(), sent.mail().text(),
                        sent.mail().html(), sent.mail().attachments().stream()
                        .map(a -> new ReceivedAttachment(a.fileName(), a.contentType(), a.content())).toList()))
                .toList();
    }
}
