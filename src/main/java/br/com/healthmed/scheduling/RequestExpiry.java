package br.com.healthmed.scheduling;

import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * When a booking request that the doctor has not answered expires, freeing its slot for someone else
 * (anti-hoarding: an unanswered hold cannot sit on a slot until the start). The earlier of
 * <ul>
 *   <li>{@code request-ttl} after the booking (default 24 hours), and</li>
 *   <li>{@code request-answer-deadline} before the start (default 2 hours), so that a freed slot can
 *       still be booked and answered in time;</li>
 * </ul>
 * but never sooner than {@code request-min-answer-time} after the booking (default 30 minutes): a slot
 * booked close to its start still gives the doctor a moment to answer instead of expiring at once.
 * And never after the start: booked 20 minutes ahead, the request waits until the start, as before.
 */
@Component
class RequestExpiry {

    private final SchedulingProperties properties;

    RequestExpiry(SchedulingProperties properties) {
        this.properties = properties;
    }

    Instant answerBy(Instant requestedAt, Instant start) {
        Instant byTtl = requestedAt.plus(properties.requestTtl());
        Instant byDeadline = start.minus(properties.requestAnswerDeadline());
        Instant earliest = requestedAt.plus(properties.requestMinAnswerTime());
        Instant answerBy = later(earlier(byTtl, byDeadline), earliest);
        return earlier(answerBy, start);
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
