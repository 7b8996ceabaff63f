package br.com.healthmed.identity;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Where accounts live. Implementations must pass {@code AccountStoreContract}. */
public interface AccountStore {

    /**
     * Stores a new account. Idempotent: storing an account equal to the one stored under its id
     * succeeds and changes nothing (an adapter's client may retry a write whose response was lost).
     *
     * @throws IllegalStateException if a different account with the same id exists (ids are random: a bug)
     */
    void create(Account account);

    Optional<Account> find(AccountId id);

    /** The accounts among {@code ids} that exist, by id; for DataLoaders (one round trip per batch). */
    Map<AccountId, Account> findAll(Collection<AccountId> ids);

    /**
     * Replaces an existing account whole (same id and role), e.g. with its anonymised version; does
     * nothing if the account does not exist. Idempotent.
     */
    void replace(Account account);

    /** Replaces an existing account's password hash; does nothing if the account does not exist. */
    void updatePasswordHash(AccountId id, String passwordHash);
}
