package br.com.healthmed.notifications;

import br.com.healthmed.identity.AccountId;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Sends one e-mail at most once per delivery (an event or a reminder) and recipient: it claims the
 * sent marker first, and marks it sent once the mailer took the message. A transient failure gives
 * the claim back and throws {@link NotDeliveredYet}, so the caller's retry (the event relay's, or the
 * next sweep) sends it later; a permanent one is recorded and logged with ids only, never retried.
 *
 * <p>The mail service sits behind a circuit breaker: once most recent sends failed or were slow, sends
 * fail at once for a while instead of each waiting for the SDK's retries and timeouts, so an SES outage
 * never holds up the event relay's threads (which also feed the live subscriptions).
 */
@Component
class Deliveries {

    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);
    /** How often marking a sent e-mail is tried in place before giving up (see {@link #markSent}). */
    static final int MARK_ATTEMPTS = 4;

    private final SentMarkers markers;
    private final Mailer mailer;
    private final NotificationsProperties properties;
    private final Clock clock;
    private final CircuitBreaker mailService;

    @Autowired
    Deliveries(SentMarkers markers, Mailer mailer, NotificationsProperties properties, Clock clock) {
        this(markers, mailer, properties, clock, Duration.ofSeconds(30));
    }

    /** {@code pause}: how long sends fail at once after the breaker opened, before a few are tried again. */
    Deliveries(SentMarkers markers, Mailer mailer, NotificationsProperties properties, Clock clock, Duration pause) {
        this.markers = markers;
        this.mailer = mailer;
        this.properties = properties;
        this.clock = clock;
        this.mailService = CircuitBreaker.of("mail-service", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(20)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(50)
                .slowCallDurationThreshold(Duration.ofSeconds(10))
                .slowCallRateThreshold(50)
                .waitDurationInOpenState(pause)
                .permittedNumberOfCallsInHalfOpenState(2)
                // a refused message says nothing about the service's health
                .recordException(e -> e instanceof MailDeliveryException failure ? !failure.permanent() : true)
                .build());
    }

    /** The e-mail is not sent yet, but may be later: try again. Carries no personal data. */
    static class NotDeliveredYet extends RuntimeException {
        NotDeliveredYet(String message, @Nullable Throwable cause) {
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
            mailService.executeRunnable(() -> mailer.send(mail));
        } catch (CallNotPermittedException paused) {
            markers.release(deliveryId, recipient);
            throw new NotDeliveredYet("Mail service failing; delivery " + deliveryId + " to account " + recipient + " waits", paused);
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
        markSent(deliveryId, recipient);
    }

    /**
     * The mailer took the message: record it. Tried again in place when storage fails, because a marker
     * left CLAIMED is claimed again after its lease and the e-mail sent a second time. Should every
     * attempt fail, the failure propagates (the caller retries) and a duplicate e-mail is possible.
     */
    private void markSent(String deliveryId, AccountId recipient) {
        for (int attempt = 1; ; attempt++) {
            try {
                markers.complete(deliveryId, recipient, SentMarkers.Outcome.SENT, clock.instant());
                return;
            } catch (RuntimeException e) {
                if (attempt == MARK_ATTEMPTS) {
                    log.error("E-mail of delivery {} to account {} was sent but could not be marked sent; it may be sent again: {}",
                            deliveryId, recipient, e.toString());
                    throw e;
                }
                log.warn("Could not mark delivery {} to account {} sent (attempt {}); trying again: {}", deliveryId, recipient,
                        attempt, e.toString());
            }
        }
    }
}
