package br.com.healthmed.scheduling.store;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.events.log.EventLog;
import br.com.healthmed.platform.events.log.Logged;
import br.com.healthmed.scheduling.AppointmentEvent;
import br.com.healthmed.scheduling.AppointmentEventKind;
import br.com.healthmed.scheduling.AppointmentEventStore;
import br.com.healthmed.scheduling.AppointmentEventStore.Pending;
import br.com.healthmed.scheduling.AppointmentId;
import br.com.healthmed.scheduling.AppointmentStatus;
import br.com.healthmed.support.Concurrently;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AppointmentEventStore} promises. The outbox keeps an entry's progress whatever
 * order changes and the relay reach it in, and lets go of it only at the version it was read at. An
 * account's log (the shared {@link EventLog}, whose own promises are {@code EventLogContract}'s) holds each
 * appointment event once and whole, however often and however concurrently the relays append an
 * appointment's events in their order, so "after position p" is a complete and repeatable replay.
 */
abstract class AppointmentEventStoreContract {

    static final Instant NOW = Instant.parse("2027-03-15T12:30:00Z");

    protected abstract AppointmentEventStore store();

    private final AccountId doctor = AccountId.random();
    private final AccountId patient = AccountId.random();

    static AppointmentEvent event(AppointmentId appointment, int index, AccountId doctor, AccountId patient, Instant at) {
        AppointmentEventKind kind = index == 0 ? AppointmentEventKind.REQUESTED : AppointmentEventKind.CONFIRMED;
        AppointmentStatus status = index == 0 ? AppointmentStatus.REQUESTED : AppointmentStatus.CONFIRMED;
        return new AppointmentEvent(AppointmentEvent.idOf(appointment, index), kind, appointment, doctor, patient, status,
                Optional.of("razão " + index), at.plus(Duration.ofDays(1)), at.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(50)),
                Optional.empty(), at);
    }

    private AppointmentEvent event(AppointmentId appointment, int index) {
        return event(appointment, index, doctor, patient, NOW);
    }

    // --- the log (the shared EventLog with the appointment codec; EventLogContract has the rest) -----

    private EventLog<AppointmentEvent> log() {
        return store().log();
    }

    @Test
    void eventsAreLoggedInAppendOrderAndReadBackWhole() {
        AppointmentId a = AppointmentId.random();
        AppointmentId b = AppointmentId.random();
        Logged<AppointmentEvent> first = log().append(patient, event(a, 0), NOW);
        Logged<AppointmentEvent> second = log().append(patient, event(b, 0), NOW.plusSeconds(1));
        Logged<AppointmentEvent> third = log().append(patient, event(a, 1), NOW.plusSeconds(2));

        assertThat(second.position()).isGreaterThan(first.position());
        assertThat(third.position()).isGreaterThan(second.position());
        assertThat(log().after(patient, 0, 10)).containsExactly(first, second, third);
        assertThat(log().after(patient, first.position(), 10)).containsExactly(second, third);
        assertThat(log().after(patient, second.position(), 1)).containsExactly(third);
        assertThat(log().after(patient, third.position(), 10)).isEmpty();
        assertThat(log().last(patient)).isEqualTo(third.position());
        assertThat(log().at(patient, second.position())).contains(second);
        assertThat(second.event()).isEqualTo(event(b, 0));
        // another account's log is its own
        assertThat(log().after(doctor, 0, 10)).isEmpty();
        assertThat(log().last(doctor)).isZero();
        assertThat(log().at(doctor, second.position())).isEmpty();
    }

    @Test
    void appendingAnEventAgainLeavesItWhereItIsEvenAfterLaterEvents() {
        AppointmentId a = AppointmentId.random();
        Logged<AppointmentEvent> first = log().append(patient, event(a, 0), NOW);
        log().append(patient, event(AppointmentId.random(), 0), NOW.plusSeconds(1));
        log().append(patient, event(a, 1), NOW.plusSeconds(2));

        Logged<AppointmentEvent> again = log().append(patient, event(a, 0), NOW.plusSeconds(60)); // a relay retrying after a crash

        assertThat(again).isEqualTo(first);
        assertThat(log().after(patient, 0, 10)).hasSize(3);
        assertThat(log().append(patient, event(a, 1), NOW.plusSeconds(61)).position()).isEqualTo(log().last(patient));
        assertThat(log().after(patient, 0, 10)).hasSize(3);
    }

    @Test
    void relaysAppendingTheSameAndDifferentAppointmentsAtOnceLogEachEventOnceInIncreasingPositions() throws InterruptedException {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        List<List<AppointmentEvent>> appointments = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            AppointmentId appointment = AppointmentId.random();
            int count = 1 + random.nextInt(3);
            List<AppointmentEvent> own = new ArrayList<>();
            for (int n = 0; n < count; n++) {
                own.add(event(appointment, n));
            }
            appointments.add(own);
        }
        // three relays per appointment at once (the instance that made the change, sweeps of others),
        // each appending the appointment's events in order, as the relay does
        List<List<AppointmentEvent>> relays = new ArrayList<>();
        for (List<AppointmentEvent> own : appointments) {
            relays.add(own);
            relays.add(own);
            relays.add(own);
        }
        java.util.Collections.shuffle(relays, random);

        List<Object> results = Concurrently.run(relays.size(),
                i -> () -> relays.get(i).stream().map(e -> log().append(patient, e, NOW)).toList());

        assertThat(results).as("seed %d", seed).allMatch(r -> r instanceof List<?>);
        List<String> expected = appointments.stream().flatMap(List::stream).map(AppointmentEvent::id).toList();
        List<Logged<AppointmentEvent>> log = log().after(patient, 0, 100);
        assertThat(log.stream().map(l -> l.event().id()).toList()).as("seed %d", seed)
                .containsExactlyInAnyOrderElementsOf(expected);
        for (int i = 1; i < log.size(); i++) {
            assertThat(log.get(i).position()).as("seed %d", seed).isEqualTo(log.get(i - 1).position() + 1);
        }
        for (List<AppointmentEvent> own : appointments) { // each appointment's events in its order
            List<String> ids = own.stream().map(AppointmentEvent::id).toList();
            assertThat(log.stream().map(l -> l.event().id()).filter(ids::contains).toList()).as("seed %d", seed)
                    .containsExactlyElementsOf(ids);
        }
        // every relay was told the one position each event has
        for (int i = 0; i < relays.size(); i++) {
            @SuppressWarnings("unchecked")
            List<Logged<AppointmentEvent>> told = (List<Logged<AppointmentEvent>>) results.get(i);
            for (int n = 0; n < told.size(); n++) {
                assertThat(log().at(patient, told.get(n).position()).map(l -> l.event().id())).as("seed %d", seed)
                        .contains(relays.get(i).get(n).id());
            }
        }
    }

    // --- the outbox -------------------------------------------------------------------------------

    @Test
    void anEntryKeepsItsProgressAndBaselineWhileLaterChangesRaiseItsVersion() {
        AppointmentId a = AppointmentId.random();
        store().expect(a, 2, 1, NOW);
        store().delivered(a, "logs", 2);
        store().delivered(a, "mail", 1);

        store().expect(a, 3, 2, NOW.plusSeconds(5)); // the next change, before the relay finished
        store().expect(a, 2, 1, NOW.plusSeconds(6)); // a late retry of the earlier one lowers nothing
        store().delivered(a, "logs", 1);              // a slower relay lowers nothing either

        Pending pending = store().pending(a).orElseThrow();
        assertThat(pending.version()).isEqualTo(3);
        assertThat(pending.baseline()).isEqualTo(1);
        assertThat(pending.deliveredTo("logs")).isEqualTo(2);
        assertThat(pending.deliveredTo("mail")).isEqualTo(1);
        assertThat(pending.deliveredTo("metrics")).isEqualTo(1);
        assertThat(pending.since()).isEqualTo(NOW);
        // the writer's grace counts from the newest writer's note, not the first change's
        assertThat(pending.writerUntil()).isEqualTo(NOW.plusSeconds(5).plus(AppointmentEventStore.WRITER_GRACE));
    }

    @Test
    void aWriteRetriedAtTheSameVersionRenewsTheWritersGraceOfAnAgedEntry() {
        AppointmentId a = AppointmentId.random();
        store().expect(a, 1, 0, NOW);
        Instant retried = NOW.plus(Duration.ofMinutes(10)); // the first attempt's write never landed

        store().expect(a, 1, 0, retried);

        Pending pending = store().pending(a).orElseThrow();
        assertThat(pending.version()).isEqualTo(1);
        assertThat(pending.since()).isEqualTo(NOW);
        assertThat(pending.writerUntil()).isEqualTo(retried.plus(AppointmentEventStore.WRITER_GRACE));
    }

    @Test
    void anEntryIsClearedOnlyAtTheVersionItWasReadAt() {
        AppointmentId a = AppointmentId.random();
        store().expect(a, 1, 0, NOW);
        long read = store().pending(a).orElseThrow().version();
        store().expect(a, 2, 1, NOW.plusSeconds(1)); // a change lands while the relay works

        assertThat(store().clear(a, read)).isFalse();
        assertThat(store().pending(a)).isPresent();
        assertThat(store().clear(a, 2)).isTrue();
        assertThat(store().pending(a)).isEmpty();
        assertThat(store().clear(a, 2)).isFalse();
        store().delivered(a, "logs", 3); // a relay that comes late does not bring it back
        store().retryAt(a, 1, NOW);
        assertThat(store().pending(a)).isEmpty();
    }

    @Test
    void entriesAreDueAfterTheGraceAndAgainAtTheirRetryTime() {
        AppointmentId a = AppointmentId.random();
        AppointmentId b = AppointmentId.random();
        store().expect(a, 1, 0, NOW);
        store().expect(b, 1, 0, NOW);

        assertThat(store().due(NOW, 10)).isEmpty(); // the instance that made the change relays it first
        Instant later = NOW.plus(AppointmentEventStore.RELAY_GRACE);
        assertThat(store().due(later, 10)).extracting(Pending::appointment).containsExactlyInAnyOrder(a, b);

        store().retryAt(a, 3, later.plusSeconds(8));
        assertThat(store().due(later, 10)).extracting(Pending::appointment).containsExactly(b);
        Pending retried = store().due(later.plusSeconds(8), 10).stream().filter(p -> p.appointment().equals(a)).findFirst().orElseThrow();
        assertThat(retried.attempts()).isEqualTo(3);
        assertThat(store().due(later, 1)).hasSize(1);
    }

    @Test
    void manyEntriesAreAllFoundDue() {
        Set<AppointmentId> expected = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            AppointmentId id = AppointmentId.random();
            expected.add(id);
            store().expect(id, 1, 0, NOW);
        }
        assertThat(store().due(NOW.plus(Duration.ofMinutes(1)), 100)).extracting(Pending::appointment)
                .containsExactlyInAnyOrderElementsOf(expected);
    }
}
