package br.com.healthmed.demo;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.scheduling.Agenda;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Gives the demo doctors an agenda: weekday mornings (08:00–12:00, 10 minutes between consultations)
 * for the next two weeks, so a newcomer can see next available slots in search, book and accept
 * right away. {@link DemoData} calls it once the demo doctors exist (the local profile). At most
 * {@code healthmed.demo-agendas.max-doctors} (1,000) doctors get one: 40 slots each, so the 100,000
 * demo doctors of the search benchmark would otherwise hold four million slots in a 1 GiB heap.
 *
 * <p>The demo doctor also gets one consultation that starts 10 to 15
 * minutes after start-up, whatever the day and hour: the README's tour books it, the doctor accepts it,
 * and its meeting is already open (a room opens 15 minutes before the start), so the tour shows the join
 * link at any time of day. That slot takes the place of the free morning slots it would overlap.
 */
@Component
class DemoAgendas {

    /** The soon slot starts at the first whole five minutes at least this far ahead. */
    static final Duration SOON_AFTER_START = Duration.ofMinutes(10);
    /** The demo doctor's consultation length (DemoData's profile), so the meeting lasts as a real one. */
    static final Duration SOON_LENGTH = Duration.ofMinutes(50);

    private static final Logger log = LoggerFactory.getLogger(DemoAgendas.class);
    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

    private final Agenda agenda;
    private final Clock clock;
    private final int maxDoctors;

    DemoAgendas(Agenda agenda, Clock clock, @Value("${healthmed.demo-agendas.max-doctors:1000}") int maxDoctors) {
        this.agenda = agenda;
        this.clock = clock;
        this.maxDoctors = maxDoctors;
    }

    /** Agendas for these doctors; the demo doctor (when created) also gets the soon consultation. */
    void publishFor(List<AccountId> doctorIds, Optional<AccountId> demoDoctor) {
        LocalDate today = LocalDate.now(clock.withZone(SAO_PAULO));
        int slots = 0;
        int doctors = 0;
        for (AccountId doctor : doctorIds.stream().limit(maxDoctors).toList()) {
            doctors++;
            try {
                slots += agenda.publishWeekly(doctor, today, today.plusDays(13), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                        LocalTime.of(8, 0), LocalTime.of(12, 0), Duration.ofMinutes(10)).size();
            } catch (DomainException nothingLeftToday) {
                // e.g. started on a Friday afternoon: this rule makes no slot for the doctor; skip it
            }
        }
        demoDoctor.ifPresent(this::publishSoonSlot);
        log.info("Demo agendas: {} slots for {} of {} doctors", slots, doctors, doctorIds.size());
    }

    /** One consultation starting 10 to 15 minutes from now; the free slots it overlaps make room for it. */
    private void publishSoonSlot(AccountId demoDoctor) {
        Instant start = soonStart(clock.instant());
        Instant end = start.plus(SOON_LENGTH);
        agenda.block(demoDoctor, start, end);
        Agenda.AgendaSlot soon = agenda.publish(demoDoctor, List.of(new Agenda.NewSlot(start, Optional.of(end)))).get(0);
        log.info("Demo agendas: the demo doctor's consultation at {} is open to booking now", soon.slot().start());
    }

    static Instant soonStart(Instant now) {
        Instant earliest = now.plus(SOON_AFTER_START);
        Instant minute = earliest.truncatedTo(ChronoUnit.MINUTES);
        if (minute.isBefore(earliest)) {
            minute = minute.plus(Duration.ofMinutes(1));
        }
        long past = (minute.getEpochSecond() / 60) % 5;
        return past == 0 ? minute : minute.plus(Duration.ofMinutes(5 - past));
    }
}
