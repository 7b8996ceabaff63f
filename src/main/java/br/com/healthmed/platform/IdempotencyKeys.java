package br.com.healthmed.platform;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Client-chosen idempotency keys: one rule for what a key may be, and one way to turn a key into the id
 * of what the request makes. Deriving the id (rather than storing key → id) lets a retried or duplicated
 * request land on the same object at every step without a lookup table: the store's "create if absent"
 * is the whole deduplication.
 */
public final class IdempotencyKeys {

    /** 8 to 100 printable ASCII characters; a UUID is a good choice. For {@code @Pattern(regexp = ...)}. */
    public static final String PATTERN = "[\\x21-\\x7E]{8,100}";

    /** The validation message that goes with {@link #PATTERN}. */
    public static final String MESSAGE = "must be 8 to 100 printable characters (a UUID is a good choice)";

    private IdempotencyKeys() {}

    /**
     * The id of what {@code owner}'s request with {@code key} makes: SHA-256 of owner and key, shaped as a
     * UUID (version 8, IETF variant). Without the key it cannot be guessed; with another owner it differs.
     */
    public static UUID derivedId(Object owner, String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((owner + "\n" + key).getBytes(StandardCharsets.UTF_8));
            ByteBuffer bytes = ByteBuffer.wrap(digest);
            long high = (bytes.getLong() & ~0xF000L) | 0x8000L;                       // version 8 (custom)
            long low = (bytes.getLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
            return new UUID(high, low);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * {@link #derivedId(Object, String)} for one kind of request ({@code purpose}, e.g. {@code "share"}), so
     * one key sent to two different mutations makes two objects rather than one id for both.
     */
    public static UUID derivedId(Object owner, String purpose, String key) {
        return derivedId(owner, purpose + ":" + key);
    }
}
