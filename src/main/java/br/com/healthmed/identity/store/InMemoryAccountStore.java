package br.com.healthmed.identity.store;

import br.com.healthmed.identity.Account;
import br.com.healthmed.identity.AccountId;
import br.com.healthmed.identity.AccountStore;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Accounts in memory: the embedded default. */
class InMemoryAccountStore implements AccountStore {

    private final Map<AccountId, Account> accounts = new ConcurrentHashMap<>();

    @Override
    public void create(Account account) {
        Account existing = accounts.putIfAbsent(account.id(), account);
        if (existing != null && !existing.equals(account)) {
            throw new IllegalStateException("Account " + account.id() + " exists");
        }
    }

    @Override
    public Optional<Account> find(AccountId id) {
        return Optional.ofNullable(accounts.get(id));
    }

    @Override
    public Map<AccountId, Account> findAll(Collection<AccountId> ids) {
        Map<AccountId, Account> found = new HashMap<>();
        ids.forEach(id -> find(id).ifPresent(account -> found.put(id, account)));
        return found;
    }

    @Override
    public void replace(Account account) {
        accounts.computeIfPresent(account.id(), (key, stored) -> {
            if (stored.role() != account.role()) {
                throw new IllegalArgumentException("An account keeps its role");
            }
            return account;
        });
    }

    @Override
    public void updatePasswordHash(AccountId id, String passwordHash) {
        accounts.computeIfPresent(id, (key, account) -> account.withPasswordHash(passwordHash));
    }
}
