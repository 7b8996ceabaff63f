package br.com.healthmed.scheduling;

import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.PlatformErrors;
import java.time.Duration;
import java.util.Objects;

/**
 * A doctor's booking rules, part of the doctor's profile settings:
 *
 * @param minimumNotice          the least time between a booking (or reschedule) and the consultation's start
 * @param maximumAdvance         how far ahead of its start a slot may be booked
 * @param buffer                 the least time between two of the doctor's slots, applied when publishing
 * @param lateCancellationNotice a patient's cancellation less than this before the start counts as late
 *                               (recorded on the appointment, shown to the doctor)
 * @param instantBooking         whether requests are confirmed at once (no accept needed; a reschedule keeps
 *                               a confirmed consultation confirmed)
 */
public record BookingRules(Duration minimumNotice, Duration maximumAdvance, Duration buffer, Duration lateCancellationNotice,
                           boolean instantBooking) {

    /** The rules of a doctor who never set any: book any free slot up to the publishing horizon, no buffer. */
    public static final BookingRules DEFAULTS = new BookingRules(Duration.ZERO, Duration.ofDays(90), Duration.ZERO,
            Duration.ofHours(24), false);

    static final Duration MAX_NOTICE = Duration.ofDays(7);
    static final Duration MAX_BUFFER = Duration.ofHours(4);

    public BookingRules {
        Objects.requireNonNull(minimumNotice);
        Objects.requireNonNull(maximumAdvance);
        Objects.requireNonNull(buffer);
        Objects.requireNonNull(lateCancellationNotice);
    }

    /** Rules as a doctor typed them, in minutes, hours and days; each out of range is BAD_USER_INPUT with its field. */
    static BookingRules checked(int minimumNoticeMinutes, int maximumAdvanceDays, int bufferMinutes,
                                int lateCancellationNoticeHours, boolean instantBooking, Duration horizon) {
        Duration notice = within("input.minimumNoticeMinutes", Duration.ofMinutes(minimumNoticeMinutes), Duration.ZERO, MAX_NOTICE);
        Duration advance = within("input.maximumAdvanceDays", Duration.ofDays(maximumAdvanceDays), Duration.ofDays(1), horizon);
        Duration buffer = within("input.bufferMinutes", Duration.ofMinutes(bufferMinutes), Duration.ZERO, MAX_BUFFER);
        Duration late = within("input.lateCancellationNoticeHours", Duration.ofHours(lateCancellationNoticeHours), Duration.ZERO,
                MAX_NOTICE);
        if (notice.compareTo(advance) >= 0) {
            throw DomainException.invalid(PlatformErrors.BAD_USER_INPUT, "input.minimumNoticeMinutes",
                    "The minimum notice must be shorter than how far ahead patients may book.");
        }
        return new BookingRules(notice, advance, buffer, late, instantBooking);
    }

    private static Duration within(String field, Duration value, Duration least, Duration most) {
        if (value.compareTo(least) < 0 || value.compareTo(most) > 0) {
            throw DomainException.invalid(PlatformErrors.BAD_USER_INPUT, field,
                    field.substring("input.".length()) + " must be between " + describe(least) + " and " + describe(most));
        }
        return value;
    }

    private static String describe(Duration duration) {
        return duration.toMinutes() % (24 * 60) == 0 && !duration.isZero() ? duration.toDays() + " days" : duration.toMinutes() + " minutes";
    }
}
