package br.com.healthmed.scheduling;

import br.com.healthmed.platform.error.DomainException;
import java.time.Instant;

/**
 * The instants scheduling accepts from clients: years 2000 to 2099. Beyond them sort keys would
 * change width ({@code +10000-…}) and ranges would turn inside out; nobody books that far.
 */
final class TimeBounds {

    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    private TimeBounds() {}

    static Instant check(String field, Instant instant) {
        if (instant.isBefore(EARLIEST) || !instant.isBefore(LATEST)) {
            throw DomainException.invalid(SchedulingErrors.INVALID_DATE_RANGE, field, field + " must be in the years 2000 to 2099");
        }
        return instant;
    }
}
