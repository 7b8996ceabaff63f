package br.com.healthmed.identity;

import java.time.Instant;
import java.util.Optional;

/**
 * Uniqueness of login identifiers, and the lookup from identifier to account. Implementations must
 * pass {@code LoginClaimStoreContract}.
 *
 * <p>{@link #claim} and {@link #transfer} are idempotent for the same owner: an adapter whose client
 * retries a write that was applied but whose response was lost (throttling, a 5xx, an I/O error) sees
 * its own claim, and must report success rather than "taken by someone".
 */
public interface LoginClaimStore {

    /** Who holds a claim, and since when. */
    record Holder(AccountId owner, Instant claimedAt) {}

    /**
     * Takes the claim for {@code owner}, atomically. True if it was free, and also if {@code owner}
     * already holds it (a repeated claim changes nothing, not even {@code claimedAt}); false if someone
     * else holds it. Owners are fresh account ids, so only a retry repeats a claim.
     */
    boolean claim(LoginClaim claim, AccountId owner, Instant now);

    Optional<Holder> holder(LoginClaim claim);

    /**
     * Moves a claim from {@code from} to {@code to}, atomically, only if {@code from} still holds it.
     * Used to recover a claim left behind by a registration that died half-way. True if the claim is
     * now held by {@code to}: also when it already was (a repeated transfer changes nothing); false if
     * it is absent or held by anyone else.
     */
    boolean transfer(LoginClaim claim, AccountId from, AccountId to, Instant now);

    /** Gives up a claim held by {@code owner}; does nothing if someone else holds it. */
    void release(LoginClaim claim, AccountId owner);
}
