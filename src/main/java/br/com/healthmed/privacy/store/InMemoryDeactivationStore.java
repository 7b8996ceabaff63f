package br.com.healthmed.privacy.store;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.privacy.AccountState;
import br.com.healthmed.privacy.AccountStatus;
import br.com.healthmed.privacy.DeactivationRecord;
import br.com.healthmed.privacy.DeactivationStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** Deactivation states and records in memory: the embedded default. */
class InMemoryDeactivationStore implements DeactivationStore {

    private final Map<AccountId, AccountState> states = new ConcurrentHashMap<>();
    private final Map<String, DeactivationRecord> records = new ConcurrentHashMap<>();

    @Override
    public Optional<AccountState> state(AccountId account) {
        return Optional.ofNullable(states.get(account));
    }

    @Override
    public boolean save(AccountState state, long readVersion) {
        AtomicBoolean saved = new AtomicBoolean();
        states.compute(state.account(), (key, stored) -> {
            if ((stored == null ? 0 : stored.version()) != readVersion) {
                return stored;
            }
            saved.set(true);
            return new AccountState(state.account(), state.role(), state.status(), state.requestId(), state.deactivatedAt(),
                    state.graceEndsAt(), state.cascadeDone(), readVersion + 1);
        });
        return saved.get();
    }

    @Override
    public List<AccountState> cascadesPending(int limit) {
        return states.values().stream().filter(s -> s.status() == AccountStatus.DEACTIVATED && !s.cascadeDone())
                .limit(limit).toList();
    }

    @Override
    public List<AccountState> graceEndedBy(Instant now, int limit) {
        return states.values().stream()
                .filter(s -> s.status() == AccountStatus.DEACTIVATED && s.graceEndsAt().filter(now::isAfter).isPresent())
                .sorted(Comparator.comparing(s -> s.graceEndsAt().orElseThrow())).limit(limit).toList();
    }

    @Override
    public void append(DeactivationRecord record) {
        records.putIfAbsent(record.account() + "#" + record.requestId() + "#" + record.step(), record);
    }

    @Override
    public List<DeactivationRecord> recordsOf(AccountId account) {
        return records.values().stream().filter(r -> r.account().equals(account))
                .sorted(Comparator.comparing(DeactivationRecord::at).thenComparing(DeactivationRecord::step)).toList();
    }
}
