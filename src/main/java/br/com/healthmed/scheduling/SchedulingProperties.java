package br.com.healthmed.scheduling;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Scheduling rules that are policy rather than law ({@code healthmed.scheduling.*}).
 *
 * @param maxActivePerPatient active future appointments one patient may hold in all (one per doctor always)
 * @param horizon             how far ahead slots may be published
 * @param maxRange            the longest period one agenda query may cover
 * @param minSlot             the shortest slot
 * @param maxSlot             the longest slot
 * @param staleHoldGrace      how long a slot claimed by a booking that never stored its appointment stays taken
 * @param takenCacheTtl       how long this instance answers "taken" for a slot from memory, without a write
 * @param sweepInterval       how often the sweep applies time-driven moves (expire, complete)
 * @param requestTtl          how long a request the doctor has not answered holds its slot at most
 * @param requestAnswerDeadline how long before the start an unanswered request expires at the latest
 * @param requestMinAnswerTime the least time a doctor gets to answer a request booked close to its start
 *                            (never past the start); see {@link RequestExpiry}
 */
@ConfigurationProperties("healthmed.scheduling")
public record SchedulingProperties(
        @DefaultValue("5") int maxActivePerPatient,
        @DefaultValue("P90D") Duration horizon,
        @DefaultValue("P31D") Duration maxRange,
        @DefaultValue("PT10M") Duration minSlot,
        @DefaultValue("PT4H") Duration maxSlot,
        @DefaultValue("PT2M") Duration staleHoldGrace,
        @DefaultValue("PT2S") Duration takenCacheTtl,
        @DefaultValue("PT30S") Duration sweepInterval,
        @DefaultValue("PT24H") Duration requestTtl,
        @DefaultValue("PT2H") Duration requestAnswerDeadline,
        @DefaultValue("PT30M") Duration requestMinAnswerTime) {}
