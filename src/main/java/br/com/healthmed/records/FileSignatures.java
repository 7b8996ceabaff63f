package br.com.healthmed.records;

import java.util.Arrays;
import java.util.Map;

/**
 * The first bytes ("magic numbers") a file of a declared type must start with, so a JPEG declared
 * as a PDF is refused. Types without a fixed signature (plain text) are only checked not to be binary.
 */
final class FileSignatures {

    /** Enough bytes for every check: DICOM's "DICM" sits after a 128-byte preamble. */
    static final int BYTES_NEEDED = 512;

    private static final Map<String, byte[]> PREFIXES = Map.of(
            "application/pdf", "%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
            "image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
            "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});

    private static final byte[] DICOM_MAGIC = {'D', 'I', 'C', 'M'};
    private static final int DICOM_PREAMBLE = 128;

    private FileSignatures() {}

    /** Whether {@code head}, the first bytes of a file, fits the declared {@code contentType}. */
    static boolean matches(String contentType, byte[] head) {
        byte[] prefix = PREFIXES.get(contentType);
        if (prefix != null) {
            return head.length >= prefix.length && Arrays.equals(head, 0, prefix.length, prefix, 0, prefix.length);
        }
        if (contentType.equals("application/dicom")) {
            int end = DICOM_PREAMBLE + DICOM_MAGIC.length;
            return head.length >= end && Arrays.equals(head, DICOM_PREAMBLE, end, DICOM_MAGIC, 0, DICOM_MAGIC.length);
        }
        if (contentType.equals("text/plain")) {
            for (byte b : head) {
                if (b == 0) {
                    return false; // a NUL byte: binary content, not text
                }
            }
            return true;
        }
        return true; // a type configured without a known signature: the HEAD check is all there is
    }
}
