package br.com.healthmed.platform.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Builds {@link RateCounters} keys: a readable kind (e.g. {@code login}) followed by a digest of the
 * parts, so that a key in Redis names no e-mail, CPF or address. SHA-256 truncated to 128 bits:
 * collisions are out of reach, and a key cannot be read back without guessing its parts (an IPv4
 * address could be guessed; that is why addresses are not used unkeyed where they are stored for
 * longer, see the booking origin).
 */
public final class CounterKeys {

    private CounterKeys() {}

    public static String of(String kind, String... parts) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                sha256.update(part.getBytes(StandardCharsets.UTF_8));
                sha256.update((byte) 0); // ("ab", "c") and ("a", "bc") differ
            }
            return kind + ":" + HexFormat.of().formatHex(sha256.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
