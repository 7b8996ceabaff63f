package br.com.healthmed.identity;

import br.com.healthmed.platform.encoding.Base32;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Recovery codes: ten per enrolment, each 10 base32 characters (50 random bits) shown as
 * {@code ABCDE-FGHIJ}. They are stored as SHA-256 of the account id and the code: a fast hash is
 * enough for 50 random bits behind the second-factor throttle (5 tries per 15 minutes), and the
 * account id keeps equal codes of two accounts apart.
 */
final class RecoveryCodes {

    static final int COUNT = 10;
    private static final int LENGTH = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private RecoveryCodes() {}

    static List<String> generate() {
        List<String> codes = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            StringBuilder code = new StringBuilder(LENGTH + 1);
            for (int c = 0; c < LENGTH; c++) {
                if (c == LENGTH / 2) {
                    code.append('-');
                }
                code.append(Base32.ALPHABET.charAt(RANDOM.nextInt(Base32.ALPHABET.length())));
            }
            codes.add(code.toString());
        }
        return codes;
    }

    /** What the person typed, as it is hashed: upper case, without dashes and spaces. */
    static String normalised(String typed) {
        return typed.toUpperCase(Locale.ROOT).replace("-", "").replace(" ", "");
    }

    static String hash(AccountId account, String typed) {
        return SessionService.hash(account + ":" + normalised(typed));
    }
}
