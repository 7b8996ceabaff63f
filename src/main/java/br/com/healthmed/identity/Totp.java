package br.com.healthmed.identity;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238) as every authenticator app computes them: HMAC-SHA1
 * (RFC 4226's HOTP) of the number of 30-second steps since the Unix epoch, truncated dynamically to
 * six decimal digits. Tested against the RFC's own test vectors ({@code TotpTest}).
 */
public final class Totp {

    public static final Duration STEP = Duration.ofSeconds(30);
    public static final int DIGITS = 6;

    private Totp() {}

    /** The time step an instant falls in (RFC 6238's T, with T0 = 0 and X = 30 s). */
    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP.getSeconds());
    }

    /** The six-digit code of {@code key} for a time step. */
    public static String code(byte[] key, long step) {
        return code(key, step, DIGITS, "HmacSHA1");
    }

    /** Any length and HMAC algorithm of the RFC (its test vectors use 8 digits and SHA-1/256/512). */
    static String code(byte[] key, long step, int digits, String hmacAlgorithm) {
        byte[] hash;
        try {
            Mac mac = Mac.getInstance(hmacAlgorithm);
            mac.init(new SecretKeySpec(key, hmacAlgorithm));
            hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(hmacAlgorithm + " is part of every Java runtime", e);
        }
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24)
                | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8)
                | (hash[offset + 3] & 0xff);
        int modulus = 1;
        for (int i = 0; i < digits; i++) {
            modulus *= 10;
        }
        return String.format("%0" + digits + "d", binary % modulus);
    }
}
