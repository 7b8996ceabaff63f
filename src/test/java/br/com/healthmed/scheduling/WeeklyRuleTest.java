package br.com.healthmed.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.scheduling.WeeklyRule.Interval;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** "Mon–Fri 08:00–12:00" becomes the slots a doctor means, in their zone, on both sides of a daylight-saving change. */
class WeeklyRuleTest {

    static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    static final Duration FIFTY = Duration.ofMinutes(50);
    static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static List<LocalTime> localStarts(List<Interval> intervals, ZoneId zone) {
        return intervals.stream().map(i -> i.start().atZone(zone).toLocalTime()).toList();
    }

    @Test
    void mondayToFridayEightToNoonWithFiftyMinutesAndATenMinuteGapIsFourConsultationsADay() {
        // 2027-03-15 is a Monday; the week runs to Sunday the 21st
        WeeklyRule rule = new WeeklyRule(LocalDate.of(2027, 3, 15), LocalDate.of(2027, 3, 21), WEEKDAYS,
                LocalTime.of(8, 0), LocalTime.of(12, 0), FIFTY, Duration.ofMinutes(10));

        List<Interval> slots = rule.expand(SAO_PAULO);

        assertThat(slots).hasSize(20);
        assertThat(slots.subList(0, 4)).containsExactly(
                new Interval(Instant.parse("2027-03-15T11:00:00Z"), Instant.parse("2027-03-15T11:50:00Z")),
                new Interval(Instant.parse("2027-03-15T12:00:00Z"), Instant.parse("2027-03-15T12:50:00Z")),
                new Interval(Instant.parse("2027-03-15T13:00:00Z"), Instant.parse("2027-03-15T13:50:00Z")),
                new Interval(Instant.parse("2027-03-15T14:00:00Z"), Instant.parse("2027-03-15T14:50:00Z")));
        assertThat(slots).extracting(i -> i.start().atZone(SAO_PAULO).getDayOfWeek())
                .doesNotContain(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(slots).extracting(i -> i.start().atZone(SAO_PAULO).toLocalDate()).containsOnly(
                LocalDate.of(2027, 3, 15), LocalDate.of(2027, 3, 16), LocalDate.of(2027, 3, 17), LocalDate.of(2027, 3, 18),
                LocalDate.of(2027, 3, 19));
        assertThat(localStarts(slots, SAO_PAULO)).containsOnly(LocalTime.of(8, 0), LocalTime.of(9, 0), LocalTime.of(10, 0), LocalTime.of(11, 0));
        assertThat(slots).allSatisfy(i -> assertThat(Duration.between(i.start(), i.end())).isEqualTo(FIFTY));
        assertThat(slots).allSatisfy(i -> assertThat(i.end().atZone(SAO_PAULO).toLocalTime()).isBeforeOrEqualTo(LocalTime.NOON));
    }

    @Test
    void withoutAGapConsultationsFollowEachOtherAndOnlyThoseThatFitBeforeTheEndAreKept() {
        WeeklyRule rule = new WeeklyRule(LocalDate.of(2027, 3, 15), LocalDate.of(2027, 3, 15), WEEKDAYS,
                LocalTime.of(8, 0), LocalTime.of(12, 0), FIFTY, Duration.ZERO);

        assertThat(localStarts(rule.expand(SAO_PAULO), SAO_PAULO))
                .containsExactly(LocalTime.of(8, 0), LocalTime.of(8, 50), LocalTime.of(9, 40), LocalTime.of(10, 30));
    }

    @Test
    void eightOClockStaysEightOClockLocalAcrossTheSpringForwardAndTheInstantMovesByAnHour() {
        // New York springs forward on Sunday 2026-03-08: EST (UTC-5) before, EDT (UTC-4) after
        WeeklyRule rule = new WeeklyRule(LocalDate.of(2026, 3, 6), LocalDate.of(2026, 3, 9), WEEKDAYS,
                LocalTime.of(8, 0), LocalTime.of(9, 0), FIFTY, Duration.ZERO);

        List<Interval> slots = rule.expand(NEW_YORK);

        assertThat(slots).containsExactly(
                new Interval(Instant.parse("2026-03-06T13:00:00Z"), Instant.parse("2026-03-06T13:50:00Z")),
                new Interval(Instant.parse("2026-03-09T12:00:00Z"), Instant.parse("2026-03-09T12:50:00Z")));
        assertThat(localStarts(slots, NEW_YORK)).containsOnly(LocalTime.of(8, 0));
    }

    @Test
    void eightOClockStaysEightOClockLocalAcrossTheFallBack() {
        // New York falls back on Sunday 2026-11-01: EDT (UTC-4) before, EST (UTC-5) after
        WeeklyRule rule = new WeeklyRule(LocalDate.of(2026, 10, 30), LocalDate.of(2026, 11, 2), WEEKDAYS,
                LocalTime.of(8, 0), LocalTime.of(9, 0), FIFTY, Duration.ZERO);

        assertThat(rule.expand(NEW_YORK)).containsExactly(
                new Interval(Instant.parse("2026-10-30T12:00:00Z"), Instant.parse("2026-10-30T12:50:00Z")),
                new Interval(Instant.parse("2026-11-02T13:00:00Z"), Instant.parse("2026-11-02T13:50:00Z")));
    }

    @Test
    void aStartInTheSpringForwardGapMovesPastTheGapAndOnlyRealTimeIsFilled() {
        // 02:00–03:00 does not exist on 2026-03-08 in New York; 02:00–04:00 local is one real hour
        WeeklyRule rule = new WeeklyRule(LocalDate.of(2026, 3, 8), LocalDate.of(2026, 3, 8), Set.of(DayOfWeek.SUNDAY),
                LocalTime.of(2, 0), LocalTime.of(4, 0), FIFTY, Duration.ZERO);

        List<Interval> slots = rule.expand(NEW_YORK);

        assertThat(slots).containsExactly(new Interval(Instant.parse("2026-03-08T07:00:00Z"), Instant.parse("2026-03-08T07:50:00Z")));
        assertThat(slots.get(0).start().atZone(NEW_YORK).toLocalTime()).isEqualTo(LocalTime.of(3, 0));
    }

    @Test
    void theRepeatedHourOfTheFallBackGivesConsecutiveNonOverlappingSlots() {
        // 00:30–02:30 local on 2026-11-01 in New York lasts three real hours (01:00–02:00 happens twice)
        WeeklyRule rule = new WeeklyRule(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 1), Set.of(DayOfWeek.SUNDAY),
                LocalTime.of(0, 30), LocalTime.of(2, 30), FIFTY, Duration.ZERO);

        assertThat(rule.expand(NEW_YORK)).containsExactly(
                new Interval(Instant.parse("2026-11-01T04:30:00Z"), Instant.parse("2026-11-01T05:20:00Z")),
                new Interval(Instant.parse("2026-11-01T05:20:00Z"), Instant.parse("2026-11-01T06:10:00Z")),
                new Interval(Instant.parse("2026-11-01T06:10:00Z"), Instant.parse("2026-11-01T07:00:00Z")));
    }

    @Test
    void aRangeWithoutTheChosenWeekdaysMakesNoSlots() {
        WeeklyRule weekend = new WeeklyRule(LocalDate.of(2027, 3, 20), LocalDate.of(2027, 3, 21), WEEKDAYS,
                LocalTime.of(8, 0), LocalTime.of(12, 0), FIFTY, Duration.ZERO);

        assertThat(weekend.expand(SAO_PAULO)).isEmpty();
    }
}
