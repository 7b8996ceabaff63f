package br.com.healthmed.scheduling;

import java.time.Clock;
import java.time.Instant;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Applies the moves time makes (an unanswered request expires at its {@code answerBy}, a confirmed consultation
 * completes at its end) so that participants are told and slots and places are released, and finishes
 * or undoes moves to another slot that stalled half-way ({@link Rescheduling#heal}), and offers to the
 * waitlist the slots of publications whose own offering did not finish ({@link PublishedSlotOffers}). Reads apply
 * the same rule lazily ({@link Appointment#settledAt}), so the answer never depends on when the sweep
 * last ran. Every instance may sweep: a move is a conditional write, and only one of them lands.
 */
@Component
class Sweep {

    private static final Logger log = LoggerFactory.getLogger(Sweep.class);
    private static final int BATCH = 200;

    /** From this many failures of one check on, each further one is logged as an ERROR. */
    static final int FAILURES_BEFORE_ERROR = 10;

    private final AppointmentStore appointments;
    private final CheckHandler handler;
    /** Redoes the publications whose slots are still to be offered to the waitlist; how many it finished. */
    private final IntSupplier publications;
    private final Clock clock;

    @Autowired
    Sweep(AppointmentStore appointments, AppointmentLifecycle lifecycle, Rescheduling rescheduling,
          PublishedSlotOffers publishedSlotOffers, Clock clock) {
        this(appointments, id -> {
            boolean settled = lifecycle.settle(id);
            boolean healed = rescheduling.heal(id);
            return settled || healed;
        }, publishedSlotOffers::redoDue, clock);
    }

    /** A sweep of the due checks alone. */
    Sweep(AppointmentStore appointments, CheckHandler handler, Clock clock) {
        this(appointments, handler, () -> 0, clock);
    }

    private Sweep(AppointmentStore appointments, CheckHandler handler, IntSupplier publications, Clock clock) {
        this.appointments = appointments;
        this.handler = handler;
        this.publications = publications;
        this.clock = clock;
    }

    /** What the sweep does for a due check: true when it changed something. Throws when it could not. */
    @FunctionalInterface
    interface CheckHandler {
        boolean handle(AppointmentId id);
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

    /**
     * Settles every appointment whose check is due, then redoes the publications left with slots to offer
     * to the waitlist ({@link PublishedSlotOffers#redoDue}); returns how many appointments changed.
     */
    int run() {
        try {
            return settleDueChecks();
        } finally {
            redoPublications(); // also when the checks could not be read: the two are independent
        }
    }

    private void redoPublications() {
        try {
            publications.getAsInt();
        } catch (RuntimeException e) {
            log.warn("Sweep could not read the publications left to offer to the waitlist; the next one tries again", e);
        }
    }

    private int settleDueChecks() {
        int changed = 0;
        Instant now = clock.instant();
        for (AppointmentStore.DueCheck check : appointments.dueChecks(now, BATCH)) {
            try {
                if (handler.handle(check.appointmentId())) {
                    changed++;
                }
                appointments.clearCheck(check);
            } catch (RuntimeException e) {
                postpone(check, now, e);
            }
        }
        return changed;
    }

    /**
     * A check that failed moves later, so that the checks due after it are reached (a batch is the oldest
     * {@value #BATCH}: left where it was, a batch of checks that keep failing would be all the sweep ever read).
     * The move is stored, so every instance sees it; its time is a function of the check and of the minute of
     * the run, so instances failing the same check in the same minute store the same item.
     */
    private void postpone(AppointmentStore.DueCheck check, Instant now, RuntimeException cause) {
        int failures = check.failures() + 1;
        Instant until = CheckBackoff.after(now, check.appointmentId(), failures);
        if (failures >= FAILURES_BEFORE_ERROR) {
            // the appointment id only: no clinical detail in a log line
            log.error("Due check of appointment {} failed {} times; retried at {} (needs a look)",
                    check.appointmentId(), failures, until, cause);
        } else {
            log.warn("Could not settle appointment {} (failure {}); retried at {}", check.appointmentId(), failures, until, cause);
        }
        try {
            appointments.postponeCheck(check, until);
        } catch (RuntimeException e) {
            log.warn("Could not postpone the due check of appointment {}; it stays where it is", check.appointmentId(), e);
        }
    }
}
