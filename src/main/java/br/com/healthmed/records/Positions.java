package br.com.healthmed.records;

import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.PlatformErrors;
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

    /** A position from a client (a decoded cursor): refused unless it has the shape of one. */
    public static String checked(String position, String field) {
        if (!TimePositions.isPosition(position)) {
            throw DomainException.invalid(PlatformErrors.BAD_USER_INPUT, field, "Not a cursor from this list.");
        }
        return position;
    }
}
