package br.com.healthmed.records.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

/** File contents that start the way real ones do. */
public final class Samples {

    private static final Random RANDOM = new Random(5);

    private Samples() {}

    public static byte[] pdf(int size) {
        return startingWith("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), size);
    }

    static byte[] jpeg(int size) {
        return startingWith(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, size);
    }

    public static byte[] png(int size) {
        return startingWith(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, size);
    }

    static byte[] dicom(int size) {
        byte[] head = new byte[132];
        System.arraycopy("DICM".getBytes(StandardCharsets.US_ASCII), 0, head, 128, 4);
        return startingWith(head, size);
    }

    static byte[] text(String content) {
        return content.getBytes(StandardCharsets.UTF_8);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] startingWith(byte[] head, int size) {
        byte[] bytes = new byte[size];
        synchronized (RANDOM) {
            RANDOM.nextBytes(bytes);
        }
        System.arraycopy(head, 0, bytes, 0, Math.min(head.length, size));
        return bytes;
    }
}
