package br.com.healthmed.notifications;

import br.com.healthmed.identity.AccountId;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends one e-mail at most once per delivery (an event or a reminder) and recipient: it claims the
 * sent marker first, and marks it sent once the mailer took the message. A transient failure gives
 * the claim back and throws {@link NotDeliveredYet}, so the caller's retry (the event relay's, or the
 * next sweep) sends it later; a permanent one is recorded and logged with ids only, never retried.
 */
@Component
class Deliveries {

    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

    private final SentMarkers markers;
    private final Mailer mailer;
    private final NotificationsProperties properties;
    private final Clock clock;

    Deliveries(SentMarkers markers, Mailer mailer, NotificationsProperties properties, Clock clock) {
        this.markers = markers;
        this.mailer = mailer;
        this.properties = properties;
        this.clock = clock;
    }

    /** The e-mail is not sent yet, but may be later: try again. Carries no personal data. */
    static class NotDeliveredYet extends RuntimeException {
        NotDeliveredYet(String message, Throwable cause) {
            super(message, cause);
        }
    }

    void deliver(String deliveryId, AccountId recipient, Mail mail) {
        switch (markers.claim(deliveryId, recipient, clock.instant(), properties.claimLease())) {
            case DONE -> {
                return;
            }
            case BUSY -> throw new NotDeliveredYet("Delivery " + deliveryId + " to " + recipient + " is being sent elsewhere", null);
            case GRANTED -> send(deliveryId, recipient, mail);
        }
    }

    private void send(String deliveryId, AccountId recipient, Mail mail) {
        try {
            mailer.send(mail);
        } catch (MailDeliveryException failed) {
            if (failed.permanent()) {
                markers.complete(deliveryId, recipient, SentMarkers.Outcome.FAILED, clock.instant());
                log.warn("E-mail of delivery {} to account {} was refused and will not be retried: {}", deliveryId, recipient,
                        failed.getMessage());
                return;
            }
            markers.release(deliveryId, recipient);
            throw new NotDeliveredYet("E-mail of delivery " + deliveryId + " to account " + recipient + " not sent yet: "
                    + failed.getMessage(), failed);
        } catch (RuntimeException unexpected) {
            markers.release(deliveryId, recipient);
            throw unexpected;
        }
        markers.complete(deliveryId, recipient, SentMarkers.Outcome.SENT, clock.instant());
    }
}
