package br.com.healthmed.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.identity.AccountId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When an unanswered request gives its slot back, with the default 24 h / 2 h / 30 min. */
class RequestExpiryTest {

    static final Instant BOOKED = Instant.parse("2027-03-15T09:00:00Z");

    private final RequestExpiry expiry = new RequestExpiry(new SchedulingProperties(5, Duration.ofDays(90), Duration.ofDays(31),
            Duration.ofMinutes(10), Duration.ofHours(4), Duration.ofMinutes(2), Duration.ofSeconds(2), Duration.ofSeconds(30),
            Duration.ofHours(24), Duration.ofHours(2), Duration.ofMinutes(30)));

    @Test
    void aRequestBookedDaysAheadExpiresADayAfterItWasMade() {
        assertThat(expiry.answerBy(BOOKED, BOOKED.plus(Duration.ofDays(3)))).isEqualTo(BOOKED.plus(Duration.ofHours(24)));
    }

    @Test
    void aRequestForLaterTodayExpiresTwoHoursBeforeTheStart() {
        Instant start = BOOKED.plus(Duration.ofHours(10));

        assertThat(expiry.answerBy(BOOKED, start)).isEqualTo(start.minus(Duration.ofHours(2)));
    }

    @Test
    void aRequestBookedJustInsideTheDeadlineStillGetsThirtyMinutes() {
        assertThat(expiry.answerBy(BOOKED, BOOKED.plus(Duration.ofMinutes(135)))).isEqualTo(BOOKED.plus(Duration.ofMinutes(30)));
    }

    @Test
    void aRequestBookedMinutesBeforeTheStartWaitsUntilTheStart() {
        Instant start = BOOKED.plus(Duration.ofMinutes(20));

        assertThat(expiry.answerBy(BOOKED, start)).isEqualTo(start);
    }

    @Test
    void anUnansweredRequestExpiresAtItsAnswerByBeforeItsStartAndFreesTheSlot() {
        Slot slot = Slot.free(AccountId.random(), BOOKED.plus(Duration.ofDays(3)), BOOKED.plus(Duration.ofDays(3)).plus(Duration.ofMinutes(50)));
        Instant answerBy = expiry.answerBy(BOOKED, slot.start());
        Appointment request = Appointment.requested(AppointmentId.random(), slot, AccountId.random(),
                Optional.of(new BigDecimal("250.00")), BOOKED, answerBy, BookingOrigin.UNKNOWN);

        assertThat(request.statusAt(answerBy.minusMillis(1))).isEqualTo(AppointmentStatus.REQUESTED);
        Appointment expired = request.settledAt(answerBy);
        assertThat(expired.status()).isEqualTo(AppointmentStatus.EXPIRED);
        assertThat(expired.isActiveAt(answerBy)).isFalse();
        assertThat(expired.history().get(1).at()).isEqualTo(answerBy);
    }

    @Test
    void theBookingsOriginIsKeptWhileTheRequestWaitsAndDroppedByTheDoctorsAnswer() {
        Slot slot = Slot.free(AccountId.random(), BOOKED.plus(Duration.ofDays(1)), BOOKED.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(50)));
        BookingOrigin origin = new BookingOrigin(Optional.of("n"), Optional.of("d"));
        Appointment request = Appointment.requested(AppointmentId.random(), slot, AccountId.random(), Optional.empty(), BOOKED,
                expiry.answerBy(BOOKED, slot.start()), origin);

        assertThat(request.origin()).contains(origin);
        assertThat(request.reject(BOOKED.plusSeconds(60), "Agenda cheia neste dia").origin()).isEmpty();
        assertThat(request.settledAt(slot.start()).origin()).isEmpty();
    }
}
