package br.com.healthmed.identity;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Each account's second factor, one record per account. Implementations must pass
 * {@code TwoFactorStoreContract}; every change is one conditional write.
 */
public interface TwoFactorStore {

    /**
     * Starts (or restarts) an enrolment with a new secret, unless two-factor login is already
     * enabled: true if stored, false if enabled.
     */
    boolean startEnrolment(AccountId account, String secret, Instant now);

    Optional<TwoFactorState> find(AccountId account);

    /**
     * Enables the pending enrolment of exactly this secret, with its recovery codes and the step of
     * the code that confirmed it (which therefore cannot be used again). False if there is no such
     * pending enrolment (restarted with another secret, or already enabled).
     */
    boolean enable(AccountId account, String secret, Set<String> recoveryCodeHashes, long step, Instant now);

    /** Accepts a code of {@code step} only if no code of this or a later step was accepted: true once per step. */
    boolean useStep(AccountId account, long step);

    /** Removes one unused recovery code: true for exactly one caller, false if it is not (or no longer) there. */
    boolean useRecoveryCode(AccountId account, String codeHash);

    /** Turns two-factor login off (removes the secret and the recovery codes). */
    void remove(AccountId account);
}
