package br.com.healthmed.identity;

import java.time.Instant;
import java.util.Optional;

/**
 * Where single-use tickets live, by the hash of their secret. Implementations must pass
 * {@code OneTimeTicketStoreContract}. Expiry is checked at read time; a {@code ttl} only lets the
 * production table clean up.
 */
public interface OneTimeTicketStore {

    /** Stores a new ticket (hashes are of 256 random bits: never the same twice). */
    void save(OneTimeTicket ticket);

    Optional<OneTimeTicket> find(String hash);

    /**
     * Marks the ticket used, atomically: true for exactly one caller, only while the ticket exists,
     * is unused and has not expired at {@code now}; false otherwise. The commit point of every use.
     */
    boolean use(String hash, Instant now);
}
