package br.com.healthmed.notifications;

import br.com.healthmed.notifications.MailTemplates.AppointmentFacts;
import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.scheduling.Appointment;
import br.com.healthmed.scheduling.AppointmentLifecycle;
import br.com.healthmed.scheduling.AppointmentStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the reminders whose time has come, on every instance: each reminder is claimed with a
 * conditional write first, so two instances never both send it, and each e-mail goes through the
 * sent markers, so a sweep that dies mid-way and is taken over sends nothing twice. At send time the
 * appointment is read again from scheduling: a reminder goes out only for a consultation still
 * confirmed, at the planned start, not yet begun, and only to people who keep e-mail reminders on.
 * When a shorter reminder is already due too (the service was down), the longer one is skipped.
 */
@Component
class ReminderSweep {

    private static final Logger log = LoggerFactory.getLogger(ReminderSweep.class);
    private static final int BATCH = 200;

    private final ReminderStore reminders;
    private final AppointmentLifecycle appointments;
    private final Participants participants;
    private final MailTemplates templates;
    private final Deliveries deliveries;
    private final NotificationPreferencesService preferences;
    private final NotificationsProperties properties;
    private final Clock clock;

    ReminderSweep(ReminderStore reminders, AppointmentLifecycle appointments, Participants participants, MailTemplates templates,
                  Deliveries deliveries, NotificationPreferencesService preferences, NotificationsProperties properties, Clock clock) {
        this.reminders = reminders;
        this.appointments = appointments;
        this.participants = participants;
        this.templates = templates;
        this.deliveries = deliveries;
        this.preferences = preferences;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${healthmed.notifications.sweep-interval:PT1M}",
            initialDelayString = "${healthmed.notifications.sweep-interval:PT1M}")
    void onSchedule() {
        try {
            run();
        } catch (RuntimeException e) {
            log.warn("Reminder sweep could not read the due reminders; the next one tries again: {}", e.toString());
        }
    }

    /** Sends every due reminder this instance can claim; returns how many were finished. */
    int run() {
        Instant now = clock.instant();
        int finished = 0;
        for (Reminder reminder : reminders.due(now, now.minus(properties.longestLead()), BATCH)) {
            try {
                if (reminders.claim(reminder, now, properties.claimLease())) {
                    send(reminder, now);
                    reminders.done(reminder);
                    finished++;
                }
            } catch (RuntimeException e) {
                // the claim runs out and a later sweep tries again; the sent markers keep what did go out
                log.warn("Reminder {} of appointment {} not sent yet: {}", reminder.lead(), reminder.appointmentId(), e.toString());
            }
        }
        return finished;
    }

    private void send(Reminder reminder, Instant now) {
        if (shorterOneAlsoDue(reminder, now) || !stillConfirmed(reminder, now)) {
            return;
        }
        Optional<Participants.Pair> found = participants.of(reminder.doctorId(), reminder.patientId());
        if (found.isEmpty()) {
            return;
        }
        Participants.Pair pair = found.get();
        AppointmentFacts facts = new AppointmentFacts(reminder.appointmentId(), reminder.start(), reminder.start(), Optional.empty());
        for (Participants.Person person : List.of(pair.doctor(), pair.patient())) {
            boolean toDoctor = person == pair.doctor();
            if (person.email().isPresent() && preferences.of(person.id()).emailReminders()) {
                deliveries.deliver(reminder.deliveryId(), person.id(),
                        templates.render(templates.reminder(pair, facts, reminder.lead(), toDoctor), person.email().get(), List.of()));
            }
        }
    }

    private boolean shorterOneAlsoDue(Reminder reminder, Instant now) {
        return properties.reminderLeads().stream()
                .anyMatch(lead -> lead.compareTo(reminder.lead()) < 0 && !now.isBefore(reminder.start().minus(lead)));
    }

    private boolean stillConfirmed(Reminder reminder, Instant now) {
        try {
            Appointment appointment = appointments.visibleTo(reminder.doctorId(), reminder.appointmentId());
            return appointment.status() == AppointmentStatus.CONFIRMED && appointment.start().equals(reminder.start())
                    && now.isBefore(appointment.start());
        } catch (DomainException gone) {
            return false;
        }
    }
}
