package br.com.healthmed.identity;

import java.time.Instant;
import java.util.Optional;

/**
 * Uniqueness of login identifiers, and the lookup from identifier to account. Implementations must
 * pass {@code LoginClaimStoreContract}.
 */
public interface LoginClaimStore {

    /** Who holds a claim, and since when. */
    record Holder(AccountId owner, Instant claimedAt) {}

    /** Takes the claim for {@code owner}, atomically; false if anyone (even {@code owner}) holds it. */
    boolean claim(LoginClaim claim, AccountId owner, Instant now);

    Optional<Holder> holder(LoginClaim claim);

    /**
     * Moves a claim from {@code from} to {@code to}, atomically, only if {@code from} still holds it.
     * Used to recover a claim left behind by a registration that died half-way.
     */
    boolean transfer(LoginClaim claim, AccountId from, AccountId to, Instant now);

    /** Gives up a claim held by {@code owner}; does nothing if someone else holds it. */
    void release(LoginClaim claim, AccountId owner);
}
