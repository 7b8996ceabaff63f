package br.com.healthmed.telehealth.jitsi;

import br.com.healthmed.platform.encoding.Base32;
import java.security.SecureRandom;
import java.util.Locale;

/**
 * Unguessable room names: 160 bits from {@link SecureRandom}, written in lower-case base32
 * ({@code a-z2-7}, 32 characters).
 *
 * <p>Lower case because Jitsi room names are case-insensitive (the XMPP room is lower-cased): a
 * mixed-case alphabet would silently lose entropy. Nothing else goes into a name — no patient, doctor
 * or appointment id — so a leaked link says nothing about who meets.
 */
final class RoomNames {

    static final int RANDOM_BITS = 160;
    private static final SecureRandom RANDOM = new SecureRandom();

    private RoomNames() {}

    static String next() {
        byte[] bytes = new byte[RANDOM_BITS / 8];
        RANDOM.nextBytes(bytes);
        return Base32.encode(bytes).toLowerCase(Locale.ROOT); // 160 is a multiple of 5: no padding bits
    }
}
