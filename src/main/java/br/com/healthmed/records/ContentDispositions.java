package br.com.healthmed.records;

import java.nio.charset.StandardCharsets;
import org.springframework.modulith.NamedInterface;

/**
 * {@code Content-Disposition: attachment} with the original file name, safe in any browser: an ASCII
 * {@code filename} fallback (RFC 6266) and the exact name as {@code filename*} in UTF-8 (RFC 5987).
 * The download is always an attachment, never shown inline, so a stored file cannot run as a page.
 */
@NamedInterface("api")
public final class ContentDispositions {

    private ContentDispositions() {}

    public static String attachment(String fileName) {
        return "attachment; filename=\"" + asciiFallback(fileName) + "\"; filename*=UTF-8''" + percentEncoded(fileName);
    }

    /** Printable ASCII except the quote and backslash, which would end or escape the quoted string. */
    private static String asciiFallback(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> out.append(cp >= 0x20 && cp < 0x7F && cp != '"' && cp != '\\' ? (char) cp : '_'));
        return out.toString();
    }

    /** RFC 5987 {@code value-chars}: attr-char as is, every other byte of the UTF-8 form as %XX. */
    private static String percentEncoded(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
