package br.com.healthmed.records;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.modulith.NamedInterface;

/**
 * Where a file's bytes live in the {@link BlobStore}: 128 random bits in hex, nothing else — no
 * patient id, no file name — so neither a bucket listing nor a leaked URL tells whose file it is.
 */
@NamedInterface("api")
public record ObjectKey(String value) {

    private static final Pattern SHAPE = Pattern.compile("[0-9a-f]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public ObjectKey {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("Not an object key");
        }
    }

    public static ObjectKey random() {
        byte[] bits = new byte[16];
        RANDOM.nextBytes(bits);
        return new ObjectKey(HexFormat.of().formatHex(bits));
    }

    /** The key when {@code value} has the shape of one; a URL path segment may be anything. */
    public static Optional<ObjectKey> parse(String value) {
        return value != null && SHAPE.matcher(value).matches() ? Optional.of(new ObjectKey(value)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
