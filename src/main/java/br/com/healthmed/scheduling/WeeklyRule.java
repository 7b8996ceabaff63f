package br.com.healthmed.scheduling;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * "Mon–Fri 08:00–12:00": working hours on chosen weekdays over a date range, in the doctor's time
 * zone, cut into consultations of one length with an optional gap. Expanded with {@code java.time}
 * zone rules, never fixed offsets: 08:00 stays 08:00 on both sides of a daylight-saving change, a
 * time that does not exist that day (a spring-forward gap) is moved past the gap, and a consultation
 * is kept only if it fits before the end of the working hours that day.
 */
public record WeeklyRule(LocalDate from, LocalDate to, Set<DayOfWeek> days, LocalTime startTime, LocalTime endTime,
                         Duration consultation, Duration gap) {

    public WeeklyRule {
        Objects.requireNonNull(from);
        Objects.requireNonNull(to);
        days = Set.copyOf(days);
        Objects.requireNonNull(startTime);
        Objects.requireNonNull(endTime);
        Objects.requireNonNull(consultation);
        Objects.requireNonNull(gap);
    }

    /** The slots' start and end instants, in order. */
    public List<Interval> expand(ZoneId zone) {
        List<Interval> intervals = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            if (!days.contains(date.getDayOfWeek())) {
                continue;
            }
            ZonedDateTime dayEnd = ZonedDateTime.of(date, endTime, zone);
            ZonedDateTime start = ZonedDateTime.of(date, startTime, zone);
            while (!start.plus(consultation).isAfter(dayEnd)) {
                ZonedDateTime end = start.plus(consultation);
                intervals.add(new Interval(start.toInstant(), end.toInstant()));
                start = end.plus(gap);
            }
        }
        return intervals;
    }

    public record Interval(java.time.Instant start, java.time.Instant end) {}
}
