package br.com.healthmed.identity.store;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.identity.TwoFactorState;
import br.com.healthmed.identity.TwoFactorStore;
import br.com.healthmed.support.Concurrently;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What every {@link TwoFactorStore} promises. */
abstract class TwoFactorStoreContract {

    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    static final Set<String> CODES = Set.of("hash-1", "hash-2", "hash-3");

    protected abstract TwoFactorStore store();

    private AccountId enabled(long step) {
        AccountId account = AccountId.random();
        assertThat(store().startEnrolment(account, "SECRET", NOW)).isTrue();
        assertThat(store().enable(account, "SECRET", CODES, step, NOW.plusSeconds(1))).isTrue();
        return account;
    }

    @Test
    void anEnrolmentIsPendingUntilEnabledWithItsOwnSecret() {
        AccountId account = AccountId.random();
        assertThat(store().find(account)).isEmpty();
        assertThat(store().startEnrolment(account, "FIRST", NOW)).isTrue();
        assertThat(store().startEnrolment(account, "SECOND", NOW)).isTrue(); // restarted: a new secret
        assertThat(store().find(account)).hasValueSatisfying(state -> {
            assertThat(state.enabled()).isFalse();
            assertThat(state.secret()).isEqualTo("SECOND");
        });

        assertThat(store().enable(account, "FIRST", CODES, 10, NOW)).isFalse();
        assertThat(store().enable(account, "SECOND", CODES, 10, NOW.plusSeconds(1))).isTrue();
        assertThat(store().enable(account, "SECOND", CODES, 11, NOW.plusSeconds(2))).isFalse();

        TwoFactorState state = store().find(account).orElseThrow();
        assertThat(state.enabledAt()).contains(NOW.plusSeconds(1));
        assertThat(state.lastUsedStep()).isEqualTo(10);
        assertThat(state.recoveryCodeHashes()).isEqualTo(CODES);
        assertThat(store().startEnrolment(account, "THIRD", NOW)).isFalse(); // enabled: not replaced
        assertThat(store().find(account).orElseThrow().secret()).isEqualTo("SECOND");
    }

    @Test
    void aStepIsAcceptedOnlyAfterTheLastAcceptedOne() {
        AccountId account = enabled(10);
        assertThat(store().useStep(account, 10)).isFalse();
        assertThat(store().useStep(account, 9)).isFalse();
        assertThat(store().useStep(account, 11)).isTrue();
        assertThat(store().useStep(account, 11)).isFalse();
        assertThat(store().find(account).orElseThrow().lastUsedStep()).isEqualTo(11);
    }

    @Test
    void aPendingEnrolmentAcceptsNoStepAndNoRecoveryCode() {
        AccountId account = AccountId.random();
        store().startEnrolment(account, "SECRET", NOW);
        assertThat(store().useStep(account, 100)).isFalse();
        assertThat(store().useRecoveryCode(account, "hash-1")).isFalse();
        assertThat(store().useStep(AccountId.random(), 100)).isFalse();
    }

    @Test
    void eachRecoveryCodeWorksOnceEvenWhenTheLastOneIsUsed() {
        AccountId account = enabled(10);
        assertThat(store().useRecoveryCode(account, "hash-2")).isTrue();
        assertThat(store().useRecoveryCode(account, "hash-2")).isFalse();
        assertThat(store().useRecoveryCode(account, "unknown")).isFalse();
        assertThat(store().useRecoveryCode(account, "hash-1")).isTrue();
        assertThat(store().useRecoveryCode(account, "hash-3")).isTrue();
        TwoFactorState state = store().find(account).orElseThrow();
        assertThat(state.recoveryCodeHashes()).isEmpty();
        assertThat(state.enabled()).isTrue();
    }

    @Test
    void ofConcurrentUsesOfOneCodeOrOneStepExactlyOneWins() throws Exception {
        AccountId account = enabled(10);
        List<Object> steps = Concurrently.run(20, i -> () -> store().useStep(account, 11));
        List<Object> codes = Concurrently.run(20, i -> () -> store().useRecoveryCode(account, "hash-1"));
        assertThat(steps).filteredOn(Boolean.TRUE::equals).hasSize(1);
        assertThat(codes).filteredOn(Boolean.TRUE::equals).hasSize(1);
    }

    @Test
    void removingTurnsItOffAndAllowsANewEnrolment() {
        AccountId account = enabled(10);
        store().remove(account);
        assertThat(store().find(account)).isEmpty();
        assertThat(store().startEnrolment(account, "NEW", NOW)).isTrue();
    }
}
