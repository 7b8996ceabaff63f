package br.com.healthmed.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.scheduling.AppointmentStore.DueCheck;
import br.com.healthmed.scheduling.store.TestStores;
import br.com.healthmed.support.Dynalite;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * More checks that always fail than one sweep reads (its batch is 200), all due before a healthy one: the
 * healthy one must still be handled. Before the backoff, the failing checks stayed where they were and
 * were the whole of every batch, so the healthy one never was.
 */
class SweepBackoffTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"in-memory", "dynamodb"})
    void checksThatKeepFailingMoveLaterAndDoNotStarveTheOnesDueAfterThem(String adapter) {
        AppointmentStore store = adapter.equals("dynamodb") ? TestStores.appointments(Dynalite.newTable())
                : TestStores.inMemoryAppointments();
        Set<AppointmentId> failing = new HashSet<>();
        for (int i = 0; i < 210; i++) {
            AppointmentId id = AppointmentId.random();
            failing.add(id);
            store.scheduleCheck(new DueCheck(id, NOW.minus(Duration.ofHours(2)).plusSeconds(i)));
        }
        AppointmentId healthy = AppointmentId.random();
        store.scheduleCheck(new DueCheck(healthy, NOW.minus(Duration.ofHours(1))));
        List<AppointmentId> handled = new CopyOnWriteArrayList<>();
        Sweep sweep = new Sweep(store, id -> {
            if (failing.contains(id)) {
                throw new IllegalStateException("this one always fails");
            }
            handled.add(id);
            return true;
        }, Clock.fixed(NOW, ZoneOffset.UTC));

        for (int run = 0; run < 3; run++) {
            sweep.run();
        }

        assertThat(handled).as("the healthy check, due after 210 failing ones").containsExactly(healthy);
        // nothing is lost: every failing check is still there, later, its failure counted
        List<DueCheck> later = store.dueChecks(NOW.plus(CheckBackoff.LONGEST).plus(Duration.ofHours(1)), 1000);
        assertThat(later).extracting(DueCheck::appointmentId).containsExactlyInAnyOrderElementsOf(failing);
        assertThat(later).allSatisfy(check -> {
            assertThat(check.failures()).isEqualTo(1);
            assertThat(check.at()).isBetween(NOW.plusSeconds(30), NOW.plusSeconds(60));
        });
        assertThat(store.dueChecks(NOW, 1000)).as("none in front of what is due now").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"in-memory", "dynamodb"})
    void twoInstancesPostponingTheSameCheckInTheSameMinuteStoreOneCheckAndItsBackoffGrows(String adapter) {
        AppointmentStore store = adapter.equals("dynamodb") ? TestStores.appointments(Dynalite.newTable())
                : TestStores.inMemoryAppointments();
        AppointmentId id = AppointmentId.random();
        store.scheduleCheck(new DueCheck(id, NOW.minusSeconds(10)));
        Sweep.CheckHandler fails = ignored -> {
            throw new IllegalStateException("fails");
        };
        new Sweep(store, fails, Clock.fixed(NOW, ZoneOffset.UTC)).run();
        new Sweep(store, fails, Clock.fixed(NOW.plusSeconds(20), ZoneOffset.UTC)).run(); // nothing due for it yet
        Instant far = NOW.plus(Duration.ofDays(2));
        List<DueCheck> once = store.dueChecks(far, 10);
        assertThat(once).hasSize(1);

        // the same due check read by two instances before either postponed it
        store.scheduleCheck(new DueCheck(id, NOW.minusSeconds(10)));
        store.postponeCheck(new DueCheck(id, NOW.minusSeconds(10)), CheckBackoff.after(NOW, id, 1));
        assertThat(store.dueChecks(far, 10)).as("the same item, stored twice").isEqualTo(once);

        List<Duration> waits = new ArrayList<>();
        Instant at = once.get(0).at();
        for (int failures = 2; failures <= Sweep.FAILURES_BEFORE_ERROR + 2; failures++) {
            Instant next = CheckBackoff.after(at, id, failures);
            waits.add(Duration.between(at, next));
            at = next;
        }
        assertThat(waits.get(1)).isGreaterThan(waits.get(0));
        assertThat(waits).allSatisfy(wait -> assertThat(wait).isLessThanOrEqualTo(CheckBackoff.LONGEST));
        assertThat(waits.get(waits.size() - 1)).isGreaterThanOrEqualTo(CheckBackoff.LONGEST.dividedBy(2).minusMinutes(1));
    }
}
