package br.com.healthmed.privacy;

import br.com.healthmed.identity.AccountId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Accounts' deactivation states and their append-only records. Implementations must pass
 * {@code DeactivationStoreContract}.
 */
public interface DeactivationStore {

    /** The account's state, read consistently (a login right after a deactivation must see it). */
    Optional<AccountState> state(AccountId account);

    /**
     * Stores {@code state} with {@code version = readVersion + 1}, only if the stored state still has
     * {@code readVersion} (0: only if there is none). False when another change came first.
     */
    boolean save(AccountState state, long readVersion);

    /** DEACTIVATED states whose cascade is not done, at most {@code limit}: the sweep finishes them. */
    List<AccountState> cascadesPending(int limit);

    /** DEACTIVATED states whose grace ended before {@code now}, soonest first, at most {@code limit}. */
    List<AccountState> graceEndedBy(Instant now, int limit);

    /** Appends a record; appending the same step of the same request again changes nothing. */
    void append(DeactivationRecord record);

    /** Every record of the account, oldest first. */
    List<DeactivationRecord> recordsOf(AccountId account);
}
