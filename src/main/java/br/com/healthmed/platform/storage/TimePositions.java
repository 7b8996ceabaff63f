package br.com.healthmed.platform.storage;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Positions in time-ordered lists (a record's files and access log, an account's security log): the
 * instant with a fixed width of nine fraction digits, so that text order is time order, then the item's
 * id to break ties. They serve as DynamoDB sort keys and as the opaque positions of pages.
 */
public final class TimePositions {

    private static final DateTimeFormatter FIXED = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter WHOLE_SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern SHAPE = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{9}Z#[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private TimePositions() {}

    public static String of(Instant at, UUID id) {
        return instant(at) + "#" + id;
    }

    /** An instant as fixed-width text; compares as text exactly as in time. */
    public static String instant(Instant at) {
        return FIXED.format(at);
    }

    /**
     * An instant as fixed-width text to the whole second, for keys that were stored that way (scheduling's
     * {@code <start>#<id>}, notifications' reminders): compares as text exactly as in time, to the second.
     */
    public static String wholeSeconds(Instant at) {
        return WHOLE_SECONDS.format(at);
    }

    /** The id part of a position. */
    public static UUID id(String position) {
        return UUID.fromString(position.substring(position.indexOf('#') + 1));
    }

    /** Whether a text (a decoded cursor, say) has the shape of a position. */
    public static boolean isPosition(String text) {
        return text != null && SHAPE.matcher(text).matches();
    }
}
