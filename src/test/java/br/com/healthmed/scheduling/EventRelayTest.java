package br.com.healthmed.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.scheduling.store.TestStores;
import br.com.healthmed.support.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The relay's promises to listeners, on the embedded stores with a test clock: a listener that fails
 * is retried later with growing delays, alone, and gets every event in order once it works again; the
 * others and the participants' logs are not held up. Relaying the same change twice (two sweeps that
 * both settled one appointment) logs its event once.
 */
class EventRelayTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2027-03-15T12:00:00Z"));
    private final AppointmentStore appointments = TestStores.inMemoryAppointments();
    private final AppointmentEventStore events = TestStores.inMemoryEvents();
    private final AtomicInteger wakeUps = new AtomicInteger();

    /** Remembers what it got; fails while {@code failuresLeft} is above zero. */
    static final class Recording implements AppointmentEventListener {
        final String name;
        final List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        int failuresLeft;

        Recording(String name, int failures) {
            this.name = name;
            this.failuresLeft = failures;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void on(AppointmentEvent event) {
            if (failuresLeft > 0) {
                failuresLeft--;
                throw new IllegalStateException("mail server down");
            }
            received.add(event.id());
        }
    }

    private EventRelay relay(AppointmentEventListener... listeners) {
        return new EventRelay(appointments, events, new DrillBus(wakeUps::incrementAndGet), List.of(listeners), clock, Duration.ofDays(7), 2);
    }

    private Appointment requestedAndStored(EventRelay relay) {
        Appointment requested = requested();
        relay.expect(Optional.empty(), requested);
        appointments.create(requested);
        return requested;
    }

    private Appointment requestedAndConfirmed(EventRelay relay) {
        Appointment requested = requestedAndStored(relay);
        Appointment confirmed = confirm(requested);
        relay.expect(Optional.of(requested), confirmed);
        appointments.update(confirmed, requested.version());
        return confirmed;
    }

    @Test
    void aFailingListenerIsRetriedWithBackoffAloneAndThenGetsEveryEventInOrder() {
        Recording failing = new Recording("mail", 2);
        Recording working = new Recording("metrics", 0);
        EventRelay relay = relay(failing, working);
        Appointment appointment = requestedAndConfirmed(relay);
        List<String> ids = AppointmentEvent.allOf(appointment).stream().map(AppointmentEvent::id).toList();

        assertThat(relay.relay(appointment.id())).isFalse();
        assertThat(working.received).containsExactlyElementsOf(ids);
        assertThat(events.log().after(appointment.patientId(), 0, 10)).hasSize(2);
        assertThat(events.log().after(appointment.doctorId(), 0, 10)).hasSize(2);
        assertThat(failing.received).isEmpty();

        // not again before its delay; then once more, failing again: a longer delay
        assertThat(events.due(clock.instant(), 10)).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(relay.sweep()).isZero();
        Instant secondRetry = events.pending(appointment.id()).orElseThrow().nextAttempt();
        assertThat(Duration.between(clock.instant(), secondRetry)).isGreaterThan(Duration.ofSeconds(1));
        assertThat(failing.received).isEmpty();

        clock.set(secondRetry);
        assertThat(relay.sweep()).isEqualTo(1);
        assertThat(failing.received).containsExactlyElementsOf(ids);
        assertThat(working.received).containsExactlyElementsOf(ids); // nothing twice for the one that worked
        assertThat(events.pending(appointment.id())).isEmpty();
    }

    @Test
    void relayingTheSameChangeTwiceLogsItsEventsOnce() {
        Recording listener = new Recording("mail", 0);
        EventRelay relay = relay(listener);
        Appointment confirmed = requestedAndConfirmed(relay);
        relay.relay(confirmed.id());

        // a second sweep settled the same appointment from the same stored state and announces it again
        relay.expect(Optional.of(appointments.find(confirmed.id()).orElseThrow()).map(a -> withoutLastStep(a)), confirmed);
        clock.advance(AppointmentEventStore.WRITER_GRACE);
        relay.relay(confirmed.id());

        assertThat(events.log().after(confirmed.patientId(), 0, 10)).extracting(l -> l.event().kind())
                .containsExactly(AppointmentEventKind.REQUESTED, AppointmentEventKind.CONFIRMED);
        assertThat(events.log().after(confirmed.doctorId(), 0, 10)).hasSize(2);
        assertThat(events.pending(confirmed.id())).isEmpty();
    }

    @Test
    void aChangeToAnEntryThatLingeredPastTheGraceIsNotClearedBeforeItsWriteLands() {
        Recording mail = new Recording("mail", 1);
        EventRelay relay = relay(mail);
        Appointment requested = requestedAndStored(relay);
        assertThat(relay.relay(requested.id())).isFalse(); // mail is down: the entry lingers
        clock.advance(Duration.ofMinutes(10));

        Appointment confirmed = confirm(requested);
        relay.expect(Optional.of(requested), confirmed);   // the doctor confirms: the entry rises to v2
        assertThat(relay.sweep()).isZero();                 // a sweep before the write: mail gets REQUESTED
        assertThat(mail.received).hasSize(1);
        appointments.update(confirmed, requested.version()); // the write lands after that sweep
        clock.advance(AppointmentEventStore.WRITER_GRACE);
        relay.sweep();

        assertThat(events.log().after(confirmed.patientId(), 0, 10)).extracting(l -> l.event().kind())
                .containsExactly(AppointmentEventKind.REQUESTED, AppointmentEventKind.CONFIRMED);
        assertThat(mail.received).containsExactlyElementsOf(AppointmentEvent.allOf(confirmed).stream().map(AppointmentEvent::id).toList());
        assertThat(events.pending(confirmed.id())).isEmpty();
    }

    @Test
    void anEntryClearedBetweenAChangesNoteAndItsWriteComesBackWhenTheWriterAnnouncesIt() {
        Recording mail = new Recording("mail", 0);
        EventRelay relay = relay(mail);
        Appointment requested = requestedAndStored(relay);
        relay.relay(requested.id());
        Appointment confirmed = confirm(requested);
        relay.expect(Optional.of(requested), confirmed);
        // the writer stalls past its grace; a sweep finds everything of v1 delivered and clears the entry
        clock.advance(AppointmentEventStore.WRITER_GRACE.plusSeconds(1));
        assertThat(relay.sweep()).isEqualTo(1);
        assertThat(events.pending(confirmed.id())).isEmpty();
        appointments.update(confirmed, requested.version()); // then the write lands

        relay.soon(Optional.of(requested), confirmed);

        List<String> ids = AppointmentEvent.allOf(confirmed).stream().map(AppointmentEvent::id).toList();
        Instant deadline = Instant.now().plusSeconds(10);
        // soon() relays on another thread, which logs to the doctor and then to the patient: wait for both
        while ((events.log().after(confirmed.doctorId(), 0, 10).size() < 2 || events.log().after(confirmed.patientId(), 0, 10).size() < 2)
                && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
        }
        assertThat(events.log().after(confirmed.doctorId(), 0, 10)).extracting(l -> l.event().id()).containsExactlyElementsOf(ids);
        assertThat(events.log().after(confirmed.patientId(), 0, 10)).hasSize(2);
        while (mail.received.size() < 2 && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
        }
        assertThat(mail.received).containsExactlyElementsOf(ids);
    }

    @Test
    void aStorageFailureWhileLoggingIsRetriedWithBackoffNotOnEverySweepAndGivenUpAfterTheRetention() {
        Recording mail = new Recording("mail", 0);
        AtomicInteger logAttempts = new AtomicInteger();
        EventRelay relay = new EventRelay(appointments, events, new DrillBus(() -> {
            logAttempts.incrementAndGet();
            throw new IllegalStateException("Unable to execute HTTP request");
        }), List.of(mail), clock, Duration.ofDays(7), 2);
        Appointment requested = requestedAndStored(relay);

        assertThat(relay.relay(requested.id())).isFalse();
        assertThat(mail.received).hasSize(1); // the other target is not held up
        Instant next = events.pending(requested.id()).orElseThrow().nextAttempt();
        assertThat(next).isAfter(clock.instant());
        assertThat(relay.sweep()).isZero();    // not due again at once: no retry storm
        assertThat(logAttempts).hasValue(1);

        clock.set(next);
        relay.sweep();
        assertThat(logAttempts).hasValue(2);
        assertThat(events.pending(requested.id()).orElseThrow().nextAttempt()).isAfter(next.plus(Duration.ofSeconds(1)));

        clock.advance(Duration.ofDays(8));
        assertThat(relay.sweep()).isEqualTo(1); // past the retention: given up
        assertThat(events.pending(requested.id())).isEmpty();
        assertThat(mail.received).hasSize(1);
    }

    private Appointment requested() {
        Instant start = clock.instant().plus(Duration.ofDays(2));
        Slot slot = Slot.free(AccountId.random(), start, start.plus(Duration.ofMinutes(50)));
        return Appointment.requested(AppointmentId.random(), slot, AccountId.random(),
                Optional.of(new BigDecimal("150.00")), clock.instant(), clock.instant().plus(Duration.ofHours(1)),
                BookingOrigin.UNKNOWN);
    }

    private Appointment confirm(Appointment requested) {
        return requested.accept(clock.instant(), new br.com.healthmed.telehealth.MeetingRoom("room",
                requested.start().minus(Duration.ofMinutes(15)), requested.end()));
    }

    /** The appointment as a stale reader saw it: one step of history short. */
    private static Appointment withoutLastStep(Appointment a) {
        return new Appointment(a.id(), a.slotId(), a.doctorId(), a.patientId(), a.start(), a.end(), a.price(), a.status(),
                a.version() - 1, a.requestedAt(), a.answerBy(), a.reason(), a.cancelledBy(), a.room(), a.rating(),
                a.history().subList(0, a.history().size() - 1), a.origin());
    }
}
