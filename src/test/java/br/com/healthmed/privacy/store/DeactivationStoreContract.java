package br.com.healthmed.privacy.store;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.security.Role;
import br.com.healthmed.privacy.AccountState;
import br.com.healthmed.privacy.AccountStatus;
import br.com.healthmed.privacy.DeactivationRecord;
import br.com.healthmed.privacy.DeactivationStore;
import br.com.healthmed.support.Concurrently;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/** What every {@link DeactivationStore} promises. */
abstract class DeactivationStoreContract {

    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    protected abstract DeactivationStore store();

    @Test
    void aStateIsWrittenOnlyOverTheVersionItWasReadAtAndOfConcurrentWritersOneWins() throws Exception {
        AccountId account = AccountId.random();
        assertThat(store().state(account)).isEmpty();
        AccountState active = AccountState.active(account, Role.PATIENT);
        List<Object> results = Concurrently.run(10, i -> (Callable<Boolean>) () ->
                store().save(active.deactivated(UUID.randomUUID(), NOW, NOW.plus(Duration.ofDays(30))), 0));
        assertThat(results).containsOnly(true, false).filteredOn(Boolean.TRUE::equals).hasSize(1);

        AccountState stored = store().state(account).orElseThrow();
        assertThat(stored.status()).isEqualTo(AccountStatus.DEACTIVATED);
        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.graceEndsAt()).contains(NOW.plus(Duration.ofDays(30)));
        assertThat(store().save(stored.cascaded(), 0)).isFalse();
        assertThat(store().save(stored.cascaded(), 1)).isTrue();
        assertThat(store().state(account).orElseThrow()).satisfies(s -> {
            assertThat(s.cascadeDone()).isTrue();
            assertThat(s.version()).isEqualTo(2);
            assertThat(s.requestId()).isEqualTo(stored.requestId());
        });
    }

    @Test
    void deactivatedAccountsAreListedWhileTheirCascadeIsPendingAndOnceTheirGraceEnded() {
        AccountId account = AccountId.random();
        Instant graceEnds = NOW.plus(Duration.ofDays(30));
        AccountState deactivated = AccountState.active(account, Role.DOCTOR).deactivated(UUID.randomUUID(), NOW, graceEnds);
        store().save(deactivated, 0);
        assertThat(store().cascadesPending(100)).extracting(AccountState::account).contains(account);
        assertThat(store().graceEndedBy(graceEnds, 100)).extracting(AccountState::account).doesNotContain(account);
        assertThat(store().graceEndedBy(graceEnds.plusSeconds(1), 100)).extracting(AccountState::account).contains(account);

        AccountState cascaded = store().state(account).orElseThrow().cascaded();
        store().save(cascaded, 1);
        assertThat(store().cascadesPending(100)).extracting(AccountState::account).doesNotContain(account);
        assertThat(store().graceEndedBy(graceEnds.plusSeconds(1), 100)).extracting(AccountState::account).contains(account);

        store().save(store().state(account).orElseThrow().anonymised(), 2);
        assertThat(store().graceEndedBy(graceEnds.plusSeconds(1), 100)).extracting(AccountState::account).doesNotContain(account);
        assertThat(store().state(account).orElseThrow().status()).isEqualTo(AccountStatus.ANONYMISED);
    }

    @Test
    void aReactivatedAccountIsListedNowhere() {
        AccountId account = AccountId.random();
        store().save(AccountState.active(account, Role.PATIENT).deactivated(UUID.randomUUID(), NOW, NOW.plusSeconds(60)), 0);
        store().save(store().state(account).orElseThrow().reactivated(), 1);
        assertThat(store().cascadesPending(100)).extracting(AccountState::account).doesNotContain(account);
        assertThat(store().graceEndedBy(NOW.plusSeconds(120), 100)).extracting(AccountState::account).doesNotContain(account);
        assertThat(store().state(account).orElseThrow().status()).isEqualTo(AccountStatus.ACTIVE);
    }

    @Test
    void recordsAreAppendedOncePerRequestAndStepAndReadBackInOrder() {
        AccountId account = AccountId.random();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        DeactivationRecord requested = new DeactivationRecord(first, DeactivationRecord.Step.REQUESTED, account, Role.PATIENT, NOW,
                Optional.of("Mudei de plano de saúde."), Optional.of("203.0.113.7"), Map.of("graceEndsAt", "2027-01-01T00:00:00Z"));
        DeactivationRecord done = new DeactivationRecord(first, DeactivationRecord.Step.CASCADE_DONE, account, Role.PATIENT,
                NOW.plusSeconds(1), Optional.empty(), Optional.empty(), Map.of("appointmentsCancelled", "2", "sharesRevoked", "1"));
        DeactivationRecord back = new DeactivationRecord(first, DeactivationRecord.Step.REACTIVATED, account, Role.PATIENT,
                NOW.plusSeconds(2), Optional.empty(), Optional.of("203.0.113.7"), Map.of());
        DeactivationRecord again = new DeactivationRecord(second, DeactivationRecord.Step.REQUESTED, account, Role.PATIENT,
                NOW.plusSeconds(3), Optional.empty(), Optional.of("198.51.100.1"), Map.of());
        store().append(back);
        store().append(again);
        store().append(requested);
        store().append(done);
        store().append(new DeactivationRecord(first, DeactivationRecord.Step.REQUESTED, account, Role.PATIENT, NOW.plusSeconds(9),
                Optional.of("another"), Optional.empty(), Map.of()));

        assertThat(store().recordsOf(account)).containsExactly(requested, done, back, again);
        assertThat(store().recordsOf(AccountId.random())).isEmpty();
    }
}
