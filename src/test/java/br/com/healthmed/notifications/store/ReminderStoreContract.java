package br.com.healthmed.notifications.store;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.notifications.Reminder;
import br.com.healthmed.notifications.ReminderStore;
import br.com.healthmed.scheduling.AppointmentId;
import br.com.healthmed.support.Concurrently;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link ReminderStore} promises: due reminders are found, each is sent by one claimer, once. */
abstract class ReminderStoreContract {

    private static final Duration DAY = Duration.ofHours(24);
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Instant START = Instant.parse("2026-12-10T12:00:00Z");

    protected abstract ReminderStore store();

    private final AppointmentId appointment = AppointmentId.random();
    private final AccountId doctor = AccountId.random();
    private final AccountId patient = AccountId.random();
    private final Reminder dayBefore = new Reminder(appointment, doctor, patient, DAY, START);
    private final Reminder hourBefore = new Reminder(appointment, doctor, patient, HOUR, START);

    @Test
    void aReminderIsDueFromItsTimeUntilItIsDone() {
        store().plan(appointment, List.of(dayBefore, hourBefore));

        assertThat(due(START.minus(DAY).minusSeconds(1))).isEmpty();
        assertThat(due(START.minus(DAY))).containsExactly(dayBefore);
        assertThat(due(START.minus(HOUR))).containsExactly(dayBefore, hourBefore);

        assertThat(store().claim(dayBefore, START.minus(DAY), LEASE)).isTrue();
        store().done(dayBefore);
        assertThat(due(START.minus(HOUR))).containsExactly(hourBefore);
        assertThat(store().claim(dayBefore, START.minus(HOUR), LEASE)).isFalse();
    }

    @Test
    void remindersDueBeforeTheLookBackAreNotListed() {
        store().plan(appointment, List.of(dayBefore, hourBefore));

        assertThat(store().due(START, START.minus(Duration.ofMinutes(90)), 10)).containsExactly(hourBefore);
    }

    @Test
    void ofManyConcurrentClaimsExactlyOneWinsUntilItsLeaseRunsOut() throws Exception {
        store().plan(appointment, List.of(hourBefore));
        Instant now = START.minus(HOUR);

        List<Object> claims = Concurrently.run(20, i -> () -> store().claim(hourBefore, now, LEASE));

        assertThat(claims).filteredOn(Boolean.TRUE::equals).hasSize(1);
        assertThat(store().claim(hourBefore, now.plus(LEASE), LEASE)).isFalse();
        assertThat(store().claim(hourBefore, now.plus(LEASE).plusSeconds(1), LEASE)).isTrue();
    }

    @Test
    void planningTheSameAgainKeepsASentReminderSent() {
        store().plan(appointment, List.of(dayBefore, hourBefore));
        store().claim(dayBefore, START.minus(DAY), LEASE);
        store().done(dayBefore);

        store().plan(appointment, List.of(dayBefore, hourBefore));

        assertThat(due(START.minus(HOUR))).containsExactly(hourBefore);
    }

    @Test
    void aRescheduledAppointmentsRemindersMoveAndTheOldOnesCannotBeClaimed() {
        store().plan(appointment, List.of(dayBefore, hourBefore));
        Instant later = START.plus(Duration.ofDays(2));
        Reminder movedHourBefore = new Reminder(appointment, doctor, patient, HOUR, later);

        store().plan(appointment, List.of(movedHourBefore));

        assertThat(due(START.minus(HOUR))).isEmpty();
        assertThat(store().claim(hourBefore, START.minus(HOUR), LEASE)).isFalse();
        assertThat(due(later.minus(HOUR))).containsExactly(movedHourBefore);
        store().done(hourBefore); // a late "done" of the old reminder leaves the new one due
        assertThat(due(later.minus(HOUR))).containsExactly(movedHourBefore);
    }

    @Test
    void aCancelledAppointmentHasNoRemindersLeft() {
        store().plan(appointment, List.of(dayBefore, hourBefore));
        Reminder other = new Reminder(AppointmentId.random(), doctor, AccountId.random(), HOUR, START);
        store().plan(other.appointmentId(), List.of(other));

        store().cancel(appointment);

        assertThat(due(START.minus(HOUR))).containsExactly(other);
        assertThat(store().claim(hourBefore, START.minus(HOUR), LEASE)).isFalse();
    }

    private List<Reminder> due(Instant now) {
        return store().due(now, now.minus(DAY), 100);
    }
}
