package br.com.healthmed.records;

import br.com.healthmed.identity.AccountId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where shares live. Implementations must pass {@code GrantStoreContract}. Reads that decide access
 * ({@link #grant}, {@link #grantsBetween}) are consistent: a revocation holds from the very next
 * request.
 */
public interface GrantStore {

    /** Stores a new grant; false (and nothing changed) if one with its id exists: a retried share. */
    boolean create(Grant grant);

    /** The patient's grant with this id; empty for another patient's. */
    Optional<Grant> grant(AccountId patient, GrantId id);

    /** Every grant of the patient, active or not, newest first. */
    List<Grant> grantsOf(AccountId patient);

    /** Every grant from this patient to this doctor, active or not. */
    List<Grant> grantsBetween(AccountId patient, AccountId doctor);

    /**
     * The doctor's grants that were neither revoked nor expired at {@code now}, from every patient,
     * with one index query (never a scan).
     */
    List<Grant> activeGrantsTo(AccountId doctor, Instant now);

    /** Marks the grant revoked at {@code at}, unless it already was; false if there is no such grant. */
    boolean revoke(AccountId patient, GrantId id, Instant at);
}
