package br.com.healthmed.scheduling;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The waitlist's settings ({@code healthmed.scheduling.waitlist.*}).
 *
 * @param offerTime      how long a freed slot is held for the waiter it is offered to before it passes on
 * @param maxPerPatient  how many doctors one patient may wait for at once (one entry per doctor)
 * @param maxWindow      the longest period one entry may cover
 */
@ConfigurationProperties("healthmed.scheduling.waitlist")
public record WaitlistProperties(
        @DefaultValue("PT15M") Duration offerTime,
        @DefaultValue("3") int maxPerPatient,
        @DefaultValue("P31D") Duration maxWindow) {}
