package br.com.healthmed.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Takes and gives back login claims for registration and e-mail changes. A claim is taken with one
 * conditional write. One held by an account that does not use it — that died half-way through
 * registering (no account), or moved to another e-mail and could not give the old one back — is
 * abandoned once older than {@link #ABANDONED_AFTER}, and taken over by the next account that needs it,
 * so no identifier is lost for good. (A claim being used right now is younger than that: registration
 * and an e-mail change write the account within moments of the claim.)
 */
@Component
class LoginClaims {

    static final Duration ABANDONED_AFTER = Duration.ofMinutes(10);

    private final LoginClaimStore claims;
    private final AccountStore accounts;
    private final Clock clock;

    LoginClaims(LoginClaimStore claims, AccountStore accounts, Clock clock) {
        this.claims = claims;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** True if {@code owner} now holds the claim: it was free, abandoned, or already {@code owner}'s. */
    boolean take(LoginClaim claim, AccountId owner) {
        Instant now = clock.instant();
        if (claims.claim(claim, owner, now)) {
            return true;
        }
        return claims.holder(claim)
                .filter(holder -> holder.claimedAt().plus(ABANDONED_AFTER).isBefore(now))
                .filter(holder -> accounts.find(holder.owner()).filter(account -> account.uses(claim)).isEmpty())
                .map(abandoned -> claims.transfer(claim, abandoned.owner(), owner, now))
                .orElse(false);
    }

    /** Gives up a claim held by {@code owner}; does nothing if someone else holds it. */
    void release(LoginClaim claim, AccountId owner) {
        claims.release(claim, owner);
    }
}
