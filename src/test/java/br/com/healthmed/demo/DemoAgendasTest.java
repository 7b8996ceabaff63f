package br.com.healthmed.demo;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.directory.DoctorPractices;
import br.com.healthmed.directory.PracticeTerms;
import br.com.healthmed.identity.AccountId;
import br.com.healthmed.identity.LoginClaim;
import br.com.healthmed.identity.LoginClaimStore;
import br.com.healthmed.scheduling.Agenda;
import br.com.healthmed.support.MutableClock;
import br.com.healthmed.support.TestClock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The demo agenda the README's tour relies on, whatever the day and hour the service starts: every demo doctor
 * gets the weekday mornings of two weeks, and the demo doctor also one consultation starting 10 to 15 minutes
 * later, free to book, in place of the morning slots it overlaps.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"healthmed.demo-data=true", "healthmed.demo-doctors=1"})
@Import(TestClock.class)
class DemoAgendasTest {

    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

    @Autowired
    DemoAgendas demoAgendas;
    @Autowired
    Agenda agenda;
    @Autowired
    MutableClock clock;
    @Autowired
    LoginClaimStore logins;
    @Autowired
    DoctorPractices practices;

    @Test
    void theDemoDoctorHasAConsultationSoonAtAnyHourAndEveryDemoDoctorHasTheMornings() {
        AccountId demoDoctor = doctorWith(DemoData.DOCTOR_CRM);
        AccountId otherDoctor = doctorWith(new DemoDoctors(new Random(2026)).next(0).crm()); // the seed's first, as DemoData makes it
        // four weeks on, past the agendas made at start-up; latest first, so each round's slots are all in the future
        // of the next round's start and removed by it
        LocalDate monday = LocalDate.now(SAO_PAULO).plusWeeks(4).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<Instant> starts = List.of(
                at(monday.plusDays(6), 12, 0),   // Sunday noon: no morning at all
                at(monday.plusDays(4), 23, 58),  // Friday night: the consultation is on Saturday
                at(monday.plusDays(2), 11, 40),  // Wednesday: starts as the last morning slot ends
                at(monday.plusDays(1), 9, 3),    // Tuesday, in the mornings: takes the place of 10:00
                at(monday, 7, 52),               // Monday before the mornings: takes the place of 08:00
                at(monday.minusDays(1), 3, 0));  // Sunday night
        for (Instant now : starts) {
            clock.set(now);
            agenda.removeFreeSlots(demoDoctor);
            agenda.removeFreeSlots(otherDoctor);

            demoAgendas.publishFor(List.of(demoDoctor, otherDoctor), Optional.of(demoDoctor));

            assertThat(slots(otherDoctor, now)).as("another demo doctor's agenda from %s", now)
                    .isEqualTo(mornings(now, practices.find(otherDoctor).orElseThrow()));
            List<Interval> mornings = mornings(now, practices.find(demoDoctor).orElseThrow());
            List<Interval> demo = slots(demoDoctor, now);
            Interval soon = demo.get(0);
            assertThat(Duration.between(now, soon.start())).as("from %s to the demo doctor's first consultation", now)
                    .isBetween(Duration.ofMinutes(10), Duration.ofMinutes(15));
            assertThat(soon.end()).isEqualTo(soon.start().plus(Duration.ofMinutes(50)));
            List<Interval> expected = new ArrayList<>(List.of(soon));
            mornings.stream().filter(m -> !m.overlaps(soon)).forEach(expected::add);
            assertThat(demo).as("the demo doctor's agenda from %s", now).isEqualTo(expected);
            assertThat(agenda.freeSlots(demoDoctor, now, now.plus(Duration.ofHours(1))))
                    .as("bookable now").first().satisfies(s -> assertThat(s.slot().start()).isEqualTo(soon.start()));
        }
        assertThat(DemoAgendas.soonStart(Instant.parse("2026-12-02T21:50:00Z"))).isEqualTo(Instant.parse("2026-12-02T22:00:00Z"));
        assertThat(DemoAgendas.soonStart(Instant.parse("2026-12-02T21:50:01Z"))).isEqualTo(Instant.parse("2026-12-02T22:05:00Z"));
    }

    private List<Interval> slots(AccountId doctor, Instant now) {
        return agenda.ownSlots(doctor, now, now.plus(Duration.ofDays(15))).stream()
                .map(s -> new Interval(s.slot().start(), s.slot().end())).toList();
    }

    /**
     * What the weekday-mornings rule gives from {@code now} (São Paulo's today and 13 more days): consultations of
     * the doctor's length from 08:00 to 12:00 in the doctor's zone, 10 minutes apart (for the demo doctor 08:00,
     * 09:00, 10:00 and 11:00).
     */
    private static List<Interval> mornings(Instant now, PracticeTerms terms) {
        LocalDate today = LocalDate.ofInstant(now, SAO_PAULO);
        Duration length = terms.consultationDuration();
        List<Interval> slots = new ArrayList<>();
        for (LocalDate day = today; !day.isAfter(today.plusDays(13)); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            Instant closing = day.atTime(12, 0).atZone(terms.timeZone()).toInstant();
            for (Instant start = day.atTime(8, 0).atZone(terms.timeZone()).toInstant(); !start.plus(length).isAfter(closing);
                    start = start.plus(length).plus(Duration.ofMinutes(10))) {
                if (start.isAfter(now)) {
                    slots.add(new Interval(start, start.plus(length)));
                }
            }
        }
        return slots;
    }

    private static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute)).atZone(SAO_PAULO).toInstant();
    }

    record Interval(Instant start, Instant end) {
        boolean overlaps(Interval other) {
            return start.isBefore(other.end) && other.start.isBefore(end);
        }
    }

    private AccountId doctorWith(br.com.healthmed.identity.Crm crm) {
        return logins.holder(LoginClaim.of(crm)).orElseThrow().owner();
    }
}
