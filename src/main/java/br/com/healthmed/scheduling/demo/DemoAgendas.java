package br.com.healthmed.scheduling.demo;

import br.com.healthmed.directory.DemoDoctorsCreated;
import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.scheduling.Agenda;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives the demo doctors an agenda: weekday mornings (08:00–12:00, 10 minutes between consultations)
 * for the next two weeks, so a newcomer can see next available slots in search, book and accept
 * right away. Runs only when the directory has created demo doctors (the local profile).
 */
@Component
class DemoAgendas {

    private static final Logger log = LoggerFactory.getLogger(DemoAgendas.class);
    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

    private final Agenda agenda;
    private final Clock clock;

    DemoAgendas(Agenda agenda, Clock clock) {
        this.agenda = agenda;
        this.clock = clock;
    }

    @EventListener
    void on(DemoDoctorsCreated created) {
        LocalDate today = LocalDate.now(clock.withZone(SAO_PAULO));
        int slots = 0;
        for (AccountId doctor : created.doctorIds()) {
            try {
                slots += agenda.publishWeekly(doctor, today, today.plusDays(13), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                        LocalTime.of(8, 0), LocalTime.of(12, 0), Duration.ofMinutes(10)).size();
            } catch (DomainException nothingLeftToday) {
                // e.g. started on a Friday afternoon: this rule makes no slot for the doctor; skip it
            }
        }
        log.info("Demo agendas: {} slots for {} doctors", slots, created.doctorIds().size());
    }
}
