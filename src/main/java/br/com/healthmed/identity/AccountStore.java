package br.com.healthmed.identity;

import java.util.Collection;
import java.util.List;
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

    /**
     * Gives the account the e-mail {@code to}, verified, atomically and only if its e-mail is still
     * {@code from} (empty: a doctor who has none yet). True if the account now has {@code to}: also when
     * it already had it, verified (a repeated change); false if its e-mail changed meanwhile or there is
     * no such account.
     */
    boolean changeEmail(AccountId id, Optional<Email> from, Email to);

    /**
     * Marks a patient's e-mail verified, atomically and only if it is still {@code email}. True if it now
     * is (also when it already was); false if the e-mail changed meanwhile or there is no such patient.
     */
    boolean markEmailVerified(AccountId id, Email email);

    /**
     * Applies a correction in one write: the parts it names change, nothing else does, so concurrent
     * corrections of different parts both hold. A birth-date correction is appended to the account's
     * {@link #birthDateCorrections} by the same write. Does nothing if the account does not exist.
     */
    void correct(AccountId id, AccountCorrection correction);

    /** The account's birth-date corrections, oldest first (empty for an unknown account). */
    List<AccountCorrection.BirthDateCorrection> birthDateCorrections(AccountId id);
}
