package br.com.healthmed.scheduling;

import br.com.healthmed.platform.EntityId;
import br.com.healthmed.platform.storage.TimePositions;
import java.time.Instant;

/**
 * The order of listed appointments and reviews: {@code <instant>#<id>}, with the instant in a fixed
 * width (whole seconds, UTC) so that text order is time order in DynamoDB sort keys as in memory. The
 * same strings are the cursors clients page with.
 */
public final class SortKeys {

    private static final java.util.regex.Pattern WELL_FORMED =
            java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z#[0-9a-f\\-]{36}");

    private SortKeys() {}

    public static String of(Instant instant, EntityId id) {
        return instant(instant) + "#" + id.value();
    }

    /** Whether a client's cursor is one of these keys (anything else is refused before it reaches a store). */
    public static boolean isWellFormed(String cursor) {
        return cursor.length() <= 100 && WELL_FORMED.matcher(cursor).matches();
    }

    public static String instant(Instant instant) {
        return TimePositions.wholeSeconds(instant);
    }
}
