package br.com.healthmed.identity;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A single-use secret handed to one account for one purpose: a password-reset token, a login's
 * second-factor challenge, or a ticket to enrol in two-factor login. Only its SHA-256 {@code hash} is
 * stored; {@code binding} ties it to the account's state when it was issued (for a reset: a digest of
 * the password hash, so any later password change voids it), empty when nothing needs tying.
 */
public record OneTimeTicket(String hash, Purpose purpose, AccountId account, Instant issuedAt, Instant expiresAt,
                            Optional<String> binding, Optional<Instant> usedAt) {

    public enum Purpose { PASSWORD_RESET, SECOND_FACTOR, TWO_FACTOR_ENROLMENT }

    public OneTimeTicket {
        Objects.requireNonNull(hash);
        Objects.requireNonNull(purpose);
        Objects.requireNonNull(account);
        Objects.requireNonNull(issuedAt);
        Objects.requireNonNull(expiresAt);
        Objects.requireNonNull(binding);
        Objects.requireNonNull(usedAt);
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
