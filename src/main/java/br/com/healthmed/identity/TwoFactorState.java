package br.com.healthmed.identity;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An account's TOTP second factor. {@code secret} is base32. Until {@code enabledAt} is set the
 * enrolment is pending: the secret was shown but not yet confirmed with a code, and login ignores
 * it. {@code lastUsedStep} is the newest time step whose code was accepted (codes of that step or
 * older are refused: no replay); {@code recoveryCodeHashes} are the unused recovery codes' hashes.
 */
public record TwoFactorState(AccountId account, String secret, Instant createdAt, Optional<Instant> enabledAt,
                             long lastUsedStep, Set<String> recoveryCodeHashes) {

    public TwoFactorState {
        Objects.requireNonNull(account);
        Objects.requireNonNull(secret);
        Objects.requireNonNull(createdAt);
        Objects.requireNonNull(enabledAt);
        recoveryCodeHashes = Set.copyOf(recoveryCodeHashes);
    }

    public boolean enabled() {
        return enabledAt.isPresent();
    }

    /** No secret in logs. */
    @Override
    public String toString() {
        return "TwoFactorState[account=" + account + ", enabled=" + enabled() + "]";
    }
}
