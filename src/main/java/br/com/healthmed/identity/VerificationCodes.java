package br.com.healthmed.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The codes e-mailed to prove an address: eight random digits, shown as {@code 1234-5678} and typed
 * with or without the hyphen or spaces. Stored only as SHA-256 over the account, the purpose and the
 * code, so a copy of the table hands out no code and a code is worth nothing for another account or
 * purpose. What protects a code from guessing is its short life (30 minutes), single use and the limit
 * on wrong attempts ({@link CodeThrottle}): at most 100 guesses in 10^8 per 15 minutes, 5 from one network.
 */
final class VerificationCodes {

    private static final SecureRandom RANDOM = new SecureRandom();

    private VerificationCodes() {}

    static String newCode() {
        return String.format("%08d", RANDOM.nextInt(100_000_000));
    }

    /** {@code 12345678} as people read it: {@code 1234-5678}. */
    static String display(String code) {
        return code.substring(0, 4) + "-" + code.substring(4);
    }

    /** The code as typed, without hyphen and spaces; empty when it cannot be a code at all. */
    static Optional<String> normalised(String typed) {
        if (typed == null || typed.length() > 20) {
            return Optional.empty();
        }
        String digits = typed.replaceAll("[\\s-]", "");
        return digits.matches("\\d{8}") ? Optional.of(digits) : Optional.empty();
    }

    static String hash(AccountId account, EmailCodeStore.Purpose purpose, String code) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((account + "|" + purpose + "|" + code).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** Compares in time independent of where the hashes differ. */
    static boolean matches(String hash, String expected) {
        return MessageDigest.isEqual(hash.getBytes(StandardCharsets.US_ASCII), expected.getBytes(StandardCharsets.US_ASCII));
    }
}
