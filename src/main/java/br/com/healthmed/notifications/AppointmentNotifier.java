package br.com.healthmed.notifications;

import br.com.healthmed.notifications.CalendarInvite.Method;
import br.com.healthmed.notifications.MailTemplates.AppointmentFacts;
import br.com.healthmed.notifications.MailTemplates.Notice;
import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.scheduling.Appointment;
import br.com.healthmed.scheduling.AppointmentEvent;
import br.com.healthmed.scheduling.AppointmentEventListener;
import br.com.healthmed.scheduling.AppointmentLifecycle;
import br.com.healthmed.scheduling.AppointmentStatus;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Turns appointment events into e-mails and reminders. Who hears of what:
 * <ul>
 *   <li>the doctor: a new request, a cancellation by the patient;</li>
 *   <li>the patient: confirmation (with the calendar invite), rejection, cancellation by the doctor
 *       (with the invite's cancellation), expiry; a cancellation of their own confirmed consultation
 *       (so their calendar drops it);</li>
 *   <li>both: a reschedule (the patient's invite is updated when the consultation is confirmed);</li>
 *   <li>the patient: a waitlist offer of a freed slot (until when it is theirs), a time the doctor proposed;
 *       the doctor: the patient declining it.</li>
 * </ul>
 * A confirmation plans the reminders; cancellation, rejection, expiry and the consultation's end drop
 * them, a reschedule moves them. Every e-mail goes through {@link Deliveries} under the event's id, so
 * a redelivered event sends nothing twice; an e-mail that cannot go out yet makes {@link #on} throw,
 * and the relay calls again later.
 */
@Component
class AppointmentNotifier implements AppointmentEventListener {

    private static final Logger log = LoggerFactory.getLogger(AppointmentNotifier.class);

    private final Participants participants;
    private final MailTemplates templates;
    private final CalendarFiles calendar;
    private final Deliveries deliveries;
    private final ReminderPlanner reminders;
    /** Looked up when needed: the lifecycle's own event relay calls this listener (a constructor cycle otherwise). */
    private final ObjectProvider<AppointmentLifecycle> appointments;

    private final Clock clock;

    AppointmentNotifier(Participants participants, MailTemplates templates, CalendarFiles calendar, Deliveries deliveries,
                        ReminderPlanner reminders, ObjectProvider<AppointmentLifecycle> appointments, Clock clock) {
        this.clock = clock;
        this.participants = participants;
        this.templates = templates;
        this.calendar = calendar;
        this.deliveries = deliveries;
        this.reminders = reminders;
        this.appointments = appointments;
    }

    @Override
    public String name() {
        return "notifications";
    }

    @Override
    public void on(AppointmentEvent event) {
        reminders.follow(event);
        if (isMoot(event)) {
            log.info("No e-mail for event {}: delivered after the consultation's start, it would tell nothing useful", event.id());
            return;
        }
        Optional<Participants.Pair> found = participants.of(event.doctorId(), event.patientId());
        if (found.isEmpty()) {
            log.info("No e-mail for event {}: an account of appointment {} no longer exists", event.id(), event.appointmentId());
            return;
        }
        Participants.Pair pair = found.get();
        AppointmentFacts facts = new AppointmentFacts(event.appointmentId(), event.start(), event.end(), event.previousStart());
        switch (event.kind()) {
            case REQUESTED -> toDoctor(event, pair, templates.requestedToDoctor(pair, facts));
            case CONFIRMED -> toPatient(event, pair, templates.confirmedToPatient(pair, facts),
                    List.of(calendar.attachment(Method.REQUEST, pair, facts, event.at())));
            case REJECTED -> toPatient(event, pair, templates.rejectedToPatient(pair, facts), List.of());
            case CANCELLED_BY_DOCTOR -> toPatient(event, pair, templates.cancelledByDoctorToPatient(pair, facts),
                    List.of(calendar.attachment(Method.CANCEL, pair, facts, event.at())));
            case CANCELLED_BY_PATIENT -> {
                toDoctor(event, pair, templates.cancelledByPatientToDoctor(pair, facts));
                if (wasConfirmed(event)) {
                    toPatient(event, pair, templates.cancelledByPatientToPatient(pair, facts),
                            List.of(calendar.attachment(Method.CANCEL, pair, facts, event.at())));
                }
            }
            case EXPIRED -> toPatient(event, pair, templates.expiredToPatient(pair, facts), List.of());
            case RESCHEDULED -> {
                toDoctor(event, pair, templates.rescheduled(pair, facts, true));
                toPatient(event, pair, templates.rescheduled(pair, facts, false), event.status() == AppointmentStatus.CONFIRMED
                        ? List.of(calendar.attachment(Method.REQUEST, pair, facts, event.at())) : List.of());
            }
            case WAITLIST_OFFER -> toPatient(event, pair, templates.waitlistOfferToPatient(pair, facts, offeredUntil(event)), List.of());
            case NEW_TIME_PROPOSED -> toPatient(event, pair, templates.newTimeProposedToPatient(pair, facts), List.of());
            case NEW_TIME_DECLINED -> toDoctor(event, pair, templates.newTimeDeclinedToDoctor(pair, facts));
            case OFFER_EXPIRED, OFFER_DECLINED -> {
                // the waiter let the offer go: nothing to tell anyone
            }
            case COMPLETED, NO_SHOW -> {
                // nothing to tell by e-mail: both were there (or the doctor reported the absence in the app)
            }
        }
    }

    private void toDoctor(AppointmentEvent event, Participants.Pair pair, Notice notice) {
        pair.doctor().email().ifPresentOrElse(
                address -> deliveries.deliver(event.id(), pair.doctor().id(), templates.render(notice, address, List.of())),
                () -> log.debug("Doctor {} has no contact e-mail; event {} not e-mailed to them", pair.doctor().id(), event.id()));
    }

    private void toPatient(AppointmentEvent event, Participants.Pair pair, Notice notice, List<Mail.Attachment> attachments) {
        pair.patient().email().ifPresent(address ->
                deliveries.deliver(event.id(), pair.patient().id(), templates.render(notice, address, attachments)));
    }

    /**
     * A request, confirmation or reschedule delivered only once the consultation has started (the relay
     * retried for long): nobody can act on it any more. Ends (cancelled, rejected, expired) are still told.
     */
    private boolean isMoot(AppointmentEvent event) {
        boolean announcesTheFuture = switch (event.kind()) {
            case REQUESTED, CONFIRMED, RESCHEDULED, WAITLIST_OFFER, NEW_TIME_PROPOSED -> true;
            default -> false;
        };
        return announcesTheFuture && !clock.instant().isBefore(event.start());
    }

    /** Until when a waitlist offer is open: the offer's answerBy, read from the appointment (the event does not carry it). */
    private java.time.Instant offeredUntil(AppointmentEvent event) {
        try {
            return appointments.getObject().visibleTo(event.patientId(), event.appointmentId()).answerBy();
        } catch (DomainException gone) {
            return event.start();
        }
    }

    /** Whether the patient had a confirmed consultation (and so a calendar invite) before calling it off. */
    private boolean wasConfirmed(AppointmentEvent event) {
        try {
            Appointment appointment = appointments.getObject().visibleTo(event.patientId(), event.appointmentId());
            return appointment.history().stream().anyMatch(step -> step.to() == AppointmentStatus.CONFIRMED);
        } catch (DomainException gone) {
            return false;
        }
    }
}
