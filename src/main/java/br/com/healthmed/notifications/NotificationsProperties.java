package br.com.healthmed.notifications;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code healthmed.notifications.*}.
 *
 * @param mailer        {@code memory} (an in-memory outbox, shown at {@code /dev/mailbox} in the local
 *                      profile) or {@code ses} (Amazon SES v2)
 * @param fromAddress   the sender of every e-mail, e.g. {@code Health&Med <nao-responda@healthmed.com.br>};
 *                      with SES it must be an address of the verified domain identity
 * @param reminderLeads how long before a consultation's start each reminder goes out
 * @param sweepInterval how often every instance looks for due reminders
 * @param claimLease    how long a claimed e-mail or reminder is reserved for the instance sending it; a
 *                      claim older than this (its instance died mid-send) may be taken over
 * @param ses           the SES adapter's settings
 */
@ConfigurationProperties("healthmed.notifications")
public record NotificationsProperties(
        @DefaultValue("memory") String mailer,
        @DefaultValue("Health&Med <nao-responda@healthmed.com.br>") String fromAddress,
        @DefaultValue({"PT24H", "PT1H"}) List<Duration> reminderLeads,
        @DefaultValue("PT1M") Duration sweepInterval,
        @DefaultValue("PT2M") Duration claimLease,
        @DefaultValue Ses ses) {

    public NotificationsProperties {
        Objects.requireNonNull(fromAddress);
        reminderLeads = List.copyOf(reminderLeads);
        if (reminderLeads.stream().anyMatch(lead -> lead.isNegative() || lead.isZero())) {
            throw new IllegalArgumentException("healthmed.notifications.reminder-leads must be positive durations");
        }
    }

    /** The longest reminder lead: how far back the sweep looks for reminders still worth sending. */
    public Duration longestLead() {
        return reminderLeads.stream().max(Duration::compareTo).orElse(Duration.ZERO);
    }

    /**
     * @param region           the SES region (the identity is verified there)
     * @param endpoint         an SES-compatible engine's URL (tests: aws-ses-v2-local); unset in AWS
     * @param configurationSet the SES configuration set every message is sent with (delivery events,
     *                         reputation metrics); none when blank
     * @param maxAttempts      attempts of one send, throttling included, with the SDK's jittered backoff
     */
    public record Ses(@DefaultValue("sa-east-1") String region, URI endpoint, String configurationSet,
                      @DefaultValue("4") int maxAttempts) {}
}
