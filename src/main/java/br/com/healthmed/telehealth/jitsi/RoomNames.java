package br.com.healthmed.telehealth.jitsi;

import java.security.SecureRandom;

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
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private RoomNames() {}

    static String next() {
        byte[] bytes = new byte[RANDOM_BITS / 8];
        RANDOM.nextBytes(bytes);
        StringBuilder name = new StringBuilder(RANDOM_BITS / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                name.append(ALPHABET[(buffer >>> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        return name.toString(); // 160 is a multiple of 5: no bits left over
    }
}
