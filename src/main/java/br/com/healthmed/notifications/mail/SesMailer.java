package br.com.healthmed.notifications.mail;

import br.com.healthmed.notifications.Mail;
import br.com.healthmed.notifications.MailDeliveryException;
import br.com.healthmed.notifications.Mailer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.AccountSuspendedException;
import software.amazon.awssdk.services.sesv2.model.Attachment;
import software.amazon.awssdk.services.sesv2.model.AttachmentContentDisposition;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.LimitExceededException;
import software.amazon.awssdk.services.sesv2.model.SendingPausedException;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;

/**
 * Sends through Amazon SES v2 ({@code SendEmail} with simple content: SES builds the MIME message with
 * the text and HTML alternatives and the attachments). The client retries throttling and server
 * errors itself with jittered exponential backoff (the SDK's standard retry strategy, see
 * {@link MailerConfig}); what is still failing after that is a transient {@link MailDeliveryException},
 * and a message SES refuses (bad address, rejected content, unverified sender) a permanent one.
 */
class SesMailer implements Mailer {

    private final SesV2Client ses;
    private final String from;
    private final Optional<String> configurationSet;

    SesMailer(SesV2Client ses, String from, Optional<String> configurationSet) {
        this.ses = ses;
        this.from = from;
        this.configurationSet = configurationSet;
    }

    @Override
    public void send(Mail mail) {
        try {
            ses.sendEmail(b -> {
                b.fromEmailAddress(from)
                        .destination(d -> d.toAddresses(mail.to()))
                        .content(c -> c.simple(m -> m
                                .subject(utf8(mail.subject()))
                                .body(body -> body.text(utf8(mail.text())).html(utf8(mail.html())))
                                .attachments(mail.attachments().stream().map(SesMailer::attachment).toList())));
                configurationSet.ifPresent(b::configurationSetName);
            });
        } catch (TooManyRequestsException | LimitExceededException | SendingPausedException | AccountSuspendedException busy) {
            throw MailDeliveryException.transientFailure("SES is not sending now (" + busy.getClass().getSimpleName() + ")", busy);
        } catch (SdkServiceException refused) {
            if (refused.statusCode() >= 500 || refused.isThrottlingException()) {
                throw MailDeliveryException.transientFailure("SES failed (HTTP " + refused.statusCode() + ")", refused);
            }
            // MessageRejected, BadRequest (e.g. an illegal address), MailFromDomainNotVerified, NotFound:
            // the same message would be refused again.
            throw MailDeliveryException.permanent("SES refused the message (" + refused.getClass().getSimpleName() + ")", refused);
        } catch (SdkClientException unreachable) {
            throw MailDeliveryException.transientFailure("SES could not be reached", unreachable);
        }
    }

    private static Content utf8(String text) {
        return Content.builder().data(text).charset(StandardCharsets.UTF_8.name()).build();
    }

    private static Attachment attachment(Mail.Attachment attachment) {
        return Attachment.builder()
                .fileName(attachment.fileName())
                .contentType(attachment.contentType())
                .contentDisposition(AttachmentContentDisposition.ATTACHMENT)
                .rawContent(SdkBytes.fromByteArray(attachment.content()))
                .build();
    }
}
