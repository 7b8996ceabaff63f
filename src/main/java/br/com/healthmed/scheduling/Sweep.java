package br.com.healthmed.scheduling;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Applies the moves time makes (an unanswered request expires at its {@code answerBy}, a confirmed consultation
 * completes at its end) so that participants are told and slots and places are released, and finishes
 * or undoes moves to another slot that stalled half-way ({@link Rescheduling#heal}). Reads apply
 * the same rule lazily ({@link Appointment#settledAt}), so the answer never depends on when the sweep
 * last ran. Every instance may sweep: a move is a conditional write, and only one of them lands.
 */
@Component
class Sweep {

    private static final Logger log = LoggerFactory.getLogger(Sweep.class);
    private static final int BATCH = 200;

    private final AppointmentStore appointments;
    private final AppointmentLifecycle lifecycle;
    private final Rescheduling rescheduling;
    private final Clock clock;

    Sweep(AppointmentStore appointments, AppointmentLifecycle lifecycle, Rescheduling rescheduling, Clock clock) {
        this.appointments = appointments;
        this.lifecycle = lifecycle;
        this.rescheduling = rescheduling;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${healthmed.scheduling.sweep-interval:PT30S}",
            initialDelayString = "${healthmed.scheduling.sweep-interval:PT30S}")
    void onSchedule() {
        try {
            run();
        } catch (RuntimeException e) {
            log.warn("Sweep could not read its due checks; the next one tries again", e);
        }
    }

    /** Settles every appointment whose check is due; returns how many changed. */
    int run() {
        int changed = 0;
        for (AppointmentStore.DueCheck check : appointments.dueChecks(clock.instant(), BATCH)) {
            try {
                if (lifecycle.settle(check.appointmentId())) {
                    changed++;
                }
                if (rescheduling.heal(check.appointmentId())) {
                    changed++;
                }
                appointments.clearCheck(check);
            } catch (RuntimeException e) {
                // one bad check must not hold up the others; it stays and is tried again next time
                log.warn("Could not settle appointment {}; will retry", check.appointmentId(), e);
            }
        }
        return changed;
    }
}
