package br.com.healthmed.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.notifications.mail.InMemoryMailer;
import br.com.healthmed.notifications.store.InMemorySentMarkers;
import br.com.healthmed.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * One e-mail per delivery and recipient, whatever the mail service does: a transient failure is
 * retried by the caller until it goes out once; a permanent one is given up at once and never retried.
 */
class DeliveriesTest {

    private static final Mail MAIL = new Mail("ana@example.com", "Ana", "Consulta confirmada", "Texto", "<p>Texto</p>", List.of());

    private final InMemoryMailer outbox = new InMemoryMailer("Health&Med <nao-responda@healthmed.example>");
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private boolean permanent;
    /** The service as seen through the port: throttled for the first {@code failuresLeft} attempts. */
    private final Mailer flaky = mail -> {
        attempts.incrementAndGet();
        if (failuresLeft.getAndDecrement() > 0) {
            throw permanent ? MailDeliveryException.permanent("refused", null) : MailDeliveryException.transientFailure("throttled", null);
        }
        outbox.send(mail);
    };
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T12:00:00Z"));
    private final NotificationsProperties properties = new NotificationsProperties("memory", "x@example.com",
            List.of(Duration.ofHours(24)), Duration.ofMinutes(1), Duration.ofMinutes(2), null);
    private final SentMarkers markers = new InMemorySentMarkers();
    private final Deliveries deliveries = new Deliveries(markers, flaky, properties, clock, Duration.ofHours(1));
    private final AccountId ana = AccountId.random();

    @Test
    void aThrottledEmailIsSentOnceWhenARetryFindsTheServiceBack() {
        failuresLeft.set(2);

        assertThatThrownBy(() -> deliveries.deliver("event-1", ana, MAIL)).isInstanceOf(Deliveries.NotDeliveredYet.class)
                .hasMessageNotContaining("ana@example.com");
        assertThatThrownBy(() -> deliveries.deliver("event-1", ana, MAIL)).isInstanceOf(Deliveries.NotDeliveredYet.class);
        deliveries.deliver("event-1", ana, MAIL);
        deliveries.deliver("event-1", ana, MAIL);

        assertThat(outbox.outbox()).hasSize(1);
        assertThat(attempts).hasValue(3);
    }

    @Test
    void aRefusedEmailIsGivenUpAtOnceAndNeverTriedAgain() {
        permanent = true;
        failuresLeft.set(1);

        deliveries.deliver("event-2", ana, MAIL);
        clock.advance(Duration.ofDays(1));
        deliveries.deliver("event-2", ana, MAIL);

        assertThat(attempts).hasValue(1);
        assertThat(outbox.outbox()).isEmpty();
    }

    @Test
    void whileTheServiceKeepsFailingSendsFailAtOnceWithoutCallingIt() {
        failuresLeft.set(Integer.MAX_VALUE);
        for (int i = 0; i < 5; i++) {
            String delivery = "event-" + i;
            assertThatThrownBy(() -> deliveries.deliver(delivery, ana, MAIL)).isInstanceOf(Deliveries.NotDeliveredYet.class);
        }
        assertThat(attempts).hasValue(5);

        assertThatThrownBy(() -> deliveries.deliver("event-5", ana, MAIL)).isInstanceOf(Deliveries.NotDeliveredYet.class);
        assertThat(attempts).hasValue(5);
        // the claim was given back: once the service is back (here: another instance), the e-mail goes out once
        failuresLeft.set(0);
        Deliveries otherInstance = new Deliveries(markers, flaky, properties, clock);
        otherInstance.deliver("event-5", ana, MAIL);
        otherInstance.deliver("event-5", ana, MAIL);
        assertThat(outbox.outbox()).hasSize(1);
    }
}
