package br.com.healthmed.identity.store;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.identity.TwoFactorState;
import br.com.healthmed.identity.TwoFactorStore;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Second factors in memory: the embedded default. Each change is one atomic map operation. */
class InMemoryTwoFactorStore implements TwoFactorStore {

    private final Map<AccountId, TwoFactorState> states = new ConcurrentHashMap<>();

    @Override
    public boolean startEnrolment(AccountId account, String secret, Instant now) {
        TwoFactorState pending = new TwoFactorState(account, secret, now, Optional.empty(), -1, Set.of());
        TwoFactorState after = states.compute(account, (key, state) -> state != null && state.enabled() ? state : pending);
        return after == pending;
    }

    @Override
    public Optional<TwoFactorState> find(AccountId account) {
        return Optional.ofNullable(states.get(account));
    }

    @Override
    public boolean enable(AccountId account, String secret, Set<String> recoveryCodeHashes, long step, Instant now) {
        boolean[] enabled = {false};
        states.computeIfPresent(account, (key, state) -> {
            if (state.enabled() || !state.secret().equals(secret)) {
                return state;
            }
            enabled[0] = true;
            return new TwoFactorState(account, secret, state.createdAt(), Optional.of(now), step, recoveryCodeHashes);
        });
        return enabled[0];
    }

    @Override
    public boolean useStep(AccountId account, long step) {
        boolean[] accepted = {false};
        states.computeIfPresent(account, (key, state) -> {
            if (!state.enabled() || state.lastUsedStep() >= step) {
                return state;
            }
            accepted[0] = true;
            return new TwoFactorState(account, state.secret(), state.createdAt(), state.enabledAt(), step, state.recoveryCodeHashes());
        });
        return accepted[0];
    }

    @Override
    public boolean useRecoveryCode(AccountId account, String codeHash) {
        boolean[] used = {false};
        states.computeIfPresent(account, (key, state) -> {
            if (!state.enabled() || !state.recoveryCodeHashes().contains(codeHash)) {
                return state;
            }
            used[0] = true;
            Set<String> left = new HashSet<>(state.recoveryCodeHashes());
            left.remove(codeHash);
            return new TwoFactorState(account, state.secret(), state.createdAt(), state.enabledAt(), state.lastUsedStep(), left);
        });
        return used[0];
    }

    @Override
    public void remove(AccountId account) {
        states.remove(account);
    }
}
