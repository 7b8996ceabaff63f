package br.com.healthmed.records;

import br.com.healthmed.platform.storage.TimePositions;
import java.time.Instant;
import java.util.UUID;

/**
 * Positions in time-ordered lists (files, access log), as {@link TimePositions} makes them: the sort
 * keys of the DynamoDB adapters and the {@link Page#next()} values of every adapter.
 */
public final class Positions {

    private Positions() {}

    public static String of(Instant at, UUID id) {
        return TimePositions.of(at, id);
    }

    /** An instant as fixed-width text; compares as text exactly as in time. */
    public static String instant(Instant at) {
        return TimePositions.instant(at);
    }

    /** The id part of a position. */
    public static UUID id(String position) {
        return TimePositions.id(position);
    }

    /** Whether a text (from a client's cursor) has the shape of a position. */
    public static boolean isPosition(String text) {
        return TimePositions.isPosition(text);
    }
}
