package br.com.healthmed.records;

import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.ErrorCode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Positions in time-ordered lists (files, access log): the instant with a fixed width of nine
 * fraction digits, so that text order is time order, then the item's id to break ties. They are the
 * sort keys of the DynamoDB adapters and the {@link Page#next()} values of every adapter.
 */
public final class Positions {

    private static final DateTimeFormatter FIXED = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern SHAPE = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{9}Z#[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private Positions() {}

    public static String of(Instant at, UUID id) {
        return instant(at) + "#" + id;
    }

    /** An instant as fixed-width text; compares as text exactly as in time. */
    public static String instant(Instant at) {
        return FIXED.format(at);
    }

    /** The id part of a position. */
    public static UUID id(String position) {
        return UUID.fromString(position.substring(position.indexOf('#') + 1));
    }

    /** A position from a client (a decoded cursor): refused unless it has the shape of one. */
    public static String checked(String position, String field) {
        if (position == null || !SHAPE.matcher(position).matches()) {
            throw DomainException.invalid(ErrorCode.BAD_USER_INPUT, field, "Not a cursor from this list.");
        }
        return position;
    }
}
