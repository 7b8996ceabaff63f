package br.com.healthmed.scheduling.store;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.scheduling.WaitlistEntry;
import br.com.healthmed.scheduling.WaitlistStore;
import br.com.healthmed.support.Concurrently;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link WaitlistStore} must do. */
abstract class WaitlistStoreContract {

    protected abstract WaitlistStore store();

    final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    final Instant from = now.plus(Duration.ofDays(1));
    final Instant to = now.plus(Duration.ofDays(8));

    WaitlistEntry entry(AccountId patient, AccountId doctor, Instant joinedAt) {
        return new WaitlistEntry(UUID.randomUUID(), patient, doctor, from, to, joinedAt);
    }

    @Test
    void aDoctorsWaitersAreListedInJoinOrderFilteredByTheirPeriod() {
        AccountId doctor = AccountId.random();
        WaitlistEntry second = entry(AccountId.random(), doctor, now.plusMillis(2));
        WaitlistEntry first = entry(AccountId.random(), doctor, now.plusMillis(1));
        WaitlistEntry later = new WaitlistEntry(UUID.randomUUID(), AccountId.random(), doctor, to, to.plus(Duration.ofDays(1)), now);
        for (WaitlistEntry e : List.of(second, first, later)) {
            assertThat(store().join(e, 3, now).result()).isEqualTo(WaitlistStore.Result.JOINED);
        }

        assertThat(store().waitingFor(doctor, from, 10)).containsExactly(first, second);
        assertThat(store().waitingFor(doctor, from, 1)).containsExactly(first);
        assertThat(store().waitingFor(doctor, to, 10)).as("to is exclusive").containsExactly(later);
        assertThat(store().waitingFor(AccountId.random(), from, 10)).isEmpty();
    }

    @Test
    void onePatientWaitsOncePerDoctorAndForAtMostTheLimitOfDoctors() {
        AccountId patient = AccountId.random();
        AccountId doctor = AccountId.random();
        WaitlistEntry entry = entry(patient, doctor, now);
        assertThat(store().join(entry, 2, now).result()).isEqualTo(WaitlistStore.Result.JOINED);
        WaitlistStore.Joined again = store().join(entry(patient, doctor, now.plusSeconds(1)), 2, now);
        assertThat(again.result()).isEqualTo(WaitlistStore.Result.ALREADY);
        assertThat(again.entry()).contains(entry);

        assertThat(store().join(entry(patient, AccountId.random(), now.plusSeconds(2)), 2, now).result())
                .isEqualTo(WaitlistStore.Result.JOINED);
        assertThat(store().join(entry(patient, AccountId.random(), now.plusSeconds(3)), 2, now).result())
                .isEqualTo(WaitlistStore.Result.LIMIT_REACHED);
        assertThat(store().ofPatient(patient, now)).hasSize(2).first().isEqualTo(entry);
        assertThat(store().waitingFor(doctor, from, 10)).containsExactly(entry);
    }

    @Test
    void leavingRemovesTheEntryFromThePatientAndFromTheDoctorsListAndFreesAPlace() {
        AccountId patient = AccountId.random();
        AccountId doctor = AccountId.random();
        WaitlistEntry entry = entry(patient, doctor, now);
        store().join(entry, 1, now);

        assertThat(store().leave(patient, doctor)).contains(entry);
        assertThat(store().leave(patient, doctor)).isEmpty();
        assertThat(store().ofPatient(patient, now)).isEmpty();
        assertThat(store().waitingFor(doctor, from, 10)).isEmpty();
        assertThat(store().join(entry(patient, AccountId.random(), now), 1, now).result()).isEqualTo(WaitlistStore.Result.JOINED);
    }

    @Test
    void anEntryWhosePeriodEndedNoLongerCountsNorIsListedForThePatient() {
        AccountId patient = AccountId.random();
        store().join(entry(patient, AccountId.random(), now), 1, now);
        Instant afterItsEnd = to.plusSeconds(1);

        assertThat(store().ofPatient(patient, afterItsEnd)).isEmpty();
        assertThat(store().join(new WaitlistEntry(UUID.randomUUID(), patient, AccountId.random(), afterItsEnd,
                afterItsEnd.plus(Duration.ofDays(1)), afterItsEnd), 1, afterItsEnd).result()).isEqualTo(WaitlistStore.Result.JOINED);
    }

    @Test
    void concurrentJoinsOfOnePatientNeverExceedTheLimit() throws Exception {
        AccountId patient = AccountId.random();
        List<Object> results = Concurrently.run(12, i -> () -> store().join(entry(patient, AccountId.random(), now), 3, now));

        assertThat(results).filteredOn(r -> r instanceof WaitlistStore.Joined j && j.result() == WaitlistStore.Result.JOINED)
                .hasSize(3);
        assertThat(store().ofPatient(patient, now)).hasSize(3);
    }
}
