package br.com.healthmed.scheduling.store;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.scheduling.ActiveBookings;
import br.com.healthmed.scheduling.ActiveBookings.Outcome;
import br.com.healthmed.scheduling.ActiveBookings.Reservation;
import br.com.healthmed.scheduling.ActiveBookings.Result;
import br.com.healthmed.scheduling.AppointmentId;
import br.com.healthmed.scheduling.SlotId;
import br.com.healthmed.support.Concurrently;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ActiveBookings} promises: a patient holds at most one upcoming appointment per
 * doctor and {@code maxActive} in all, even when a bot fires its bookings in parallel; a release gives
 * the place back; appointments that have started no longer count.
 */
abstract class ActiveBookingsContract {

    static final Instant NOW = Instant.parse("2027-03-15T12:00:00Z");
    static final Instant TOMORROW = NOW.plus(Duration.ofDays(1));

    protected abstract ActiveBookings bookings();

    private final AccountId patient = AccountId.random();

    static Reservation reservation(AccountId doctor, Instant start) {
        return new Reservation(AppointmentId.random(), SlotId.random(), doctor, start, NOW);
    }

    private Outcome reserve(Reservation reservation, int maxActive) {
        return bookings().reserve(patient, reservation, maxActive, NOW);
    }

    @Test
    void aPatientHoldsOneUpcomingAppointmentPerDoctorAndIsToldWhichOneBlocks() {
        AccountId doctor = AccountId.random();
        Reservation first = reservation(doctor, TOMORROW);

        assertThat(reserve(first, 5)).isEqualTo(Outcome.RESERVED);
        Outcome second = reserve(reservation(doctor, TOMORROW.plus(Duration.ofHours(2))), 5);

        assertThat(second.result()).isEqualTo(Result.SAME_DOCTOR);
        assertThat(second.blocking()).containsExactly(first);
        assertThat(reserve(reservation(AccountId.random(), TOMORROW), 5).result()).isEqualTo(Result.RESERVED);
        assertThat(bookings().reserve(AccountId.random(), reservation(doctor, TOMORROW), 5, NOW).result())
                .as("another patient, same doctor").isEqualTo(Result.RESERVED);
    }

    @Test
    void aPatientHoldsAtMostMaxActiveUpcomingAppointmentsInAll() {
        List<Reservation> three = IntStream.range(0, 3).mapToObj(i -> reservation(AccountId.random(), TOMORROW)).toList();
        three.forEach(r -> assertThat(reserve(r, 3)).isEqualTo(Outcome.RESERVED));

        Outcome fourth = reserve(reservation(AccountId.random(), TOMORROW), 3);

        assertThat(fourth.result()).isEqualTo(Result.LIMIT_REACHED);
        assertThat(fourth.blocking()).containsExactlyInAnyOrderElementsOf(three);
    }

    @Test
    void reservingTheSameAppointmentAgainSucceedsAndCountsOnce() {
        AccountId doctor = AccountId.random();
        Reservation only = reservation(doctor, TOMORROW);

        assertThat(reserve(only, 1)).isEqualTo(Outcome.RESERVED);
        assertThat(reserve(only, 1)).as("a retry, at the limit").isEqualTo(Outcome.RESERVED);
        assertThat(reserve(reservation(AccountId.random(), TOMORROW), 2)).as("counted once").isEqualTo(Outcome.RESERVED);
    }

    @Test
    void oneRequestReservesOneSlot() {
        Reservation first = reservation(AccountId.random(), TOMORROW);
        assertThat(reserve(first, 5)).isEqualTo(Outcome.RESERVED);
        Reservation sameRequestOtherSlot = new Reservation(first.appointmentId(), SlotId.random(), AccountId.random(), TOMORROW, NOW);

        Outcome outcome = reserve(sameRequestOtherSlot, 5);

        assertThat(outcome.result()).isEqualTo(Result.KEY_REUSED);
        assertThat(outcome.blocking()).containsExactly(first);
    }

    @Test
    void aReleaseGivesThePlaceBackAndAReleaseOfAnythingElseDoesNothing() {
        AccountId doctor = AccountId.random();
        Reservation first = reservation(doctor, TOMORROW);
        reserve(first, 1);

        bookings().release(patient, AppointmentId.random());
        bookings().release(AccountId.random(), first.appointmentId());
        assertThat(reserve(reservation(doctor, TOMORROW), 1).result()).isEqualTo(Result.SAME_DOCTOR);

        bookings().release(patient, first.appointmentId());
        bookings().release(patient, first.appointmentId()); // again: nothing happens
        assertThat(reserve(reservation(doctor, TOMORROW), 1)).isEqualTo(Outcome.RESERVED);
        bookings().release(AccountId.random(), AppointmentId.random()); // a patient with no reservations
    }

    @Test
    void reservationsWhoseStartHasPassedNoLongerCount() {
        AccountId doctor = AccountId.random();
        assertThat(reserve(new Reservation(AppointmentId.random(), SlotId.random(), doctor, NOW.plus(Duration.ofHours(1)), NOW), 1)).isEqualTo(Outcome.RESERVED);
        Instant atTheStart = NOW.plus(Duration.ofHours(1));

        assertThat(bookings().reserve(patient, reservation(doctor, TOMORROW), 1, atTheStart.minusSeconds(1)).result())
                .isEqualTo(Result.SAME_DOCTOR);
        assertThat(bookings().reserve(patient, reservation(doctor, TOMORROW), 1, atTheStart)).isEqualTo(Outcome.RESERVED);
    }

    @Test
    void thirtyConcurrentReservationsOfOnePatientForThirtyDoctorsReserveExactlyMaxActive() throws Exception {
        List<Reservation> wanted = IntStream.range(0, 30).mapToObj(i -> reservation(AccountId.random(), TOMORROW)).toList();

        List<Object> results = Concurrently.run(30, i -> () -> reserve(wanted.get(i), 5));

        assertThat(results).filteredOn(Outcome.RESERVED::equals).as("results %s", results).hasSize(5);
        assertThat(results).filteredOn(r -> r instanceof Outcome o && o.result() == Result.LIMIT_REACHED).hasSize(25);
        assertThat(reserve(reservation(AccountId.random(), TOMORROW), 5).result()).isEqualTo(Result.LIMIT_REACHED);
        Reservation aWinner = wanted.get(results.indexOf(Outcome.RESERVED));
        bookings().release(patient, aWinner.appointmentId());
        assertThat(reserve(reservation(AccountId.random(), TOMORROW), 5)).isEqualTo(Outcome.RESERVED);
        assertThat(reserve(reservation(AccountId.random(), TOMORROW), 5).result()).isEqualTo(Result.LIMIT_REACHED);
    }

    @Test
    void twentyConcurrentReservationsOfOnePatientWithOneDoctorReserveExactlyOne() throws Exception {
        AccountId doctor = AccountId.random();
        List<Reservation> wanted = IntStream.range(0, 20).mapToObj(i -> reservation(doctor, TOMORROW.plus(Duration.ofHours(i)))).toList();

        List<Object> results = Concurrently.run(20, i -> () -> reserve(wanted.get(i), 5));

        assertThat(results).filteredOn(Outcome.RESERVED::equals).as("results %s", results).hasSize(1);
        assertThat(results).filteredOn(r -> r instanceof Outcome o && o.result() == Result.SAME_DOCTOR).hasSize(19);
    }
}
