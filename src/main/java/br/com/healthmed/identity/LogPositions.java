package br.com.healthmed.identity;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Positions in the security log: the instant with nine fraction digits (text order is time order),
 * then the entry's id to break ties. They are the DynamoDB sort keys and the pages' {@code next}.
 */
public final class LogPositions {

    private static final DateTimeFormatter FIXED = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern SHAPE = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{9}Z#[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private LogPositions() {}

    public static String of(Instant at, UUID id) {
        return instant(at) + "#" + id;
    }

    /** An instant as fixed-width text; compares as text exactly as in time. */
    public static String instant(Instant at) {
        return FIXED.format(at);
    }

    public static UUID id(String position) {
        return UUID.fromString(position.substring(position.indexOf('#') + 1));
    }

    public static boolean isPosition(String text) {
        return text != null && SHAPE.matcher(text).matches();
    }
}
