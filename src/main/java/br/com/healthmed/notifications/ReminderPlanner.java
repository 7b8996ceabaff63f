package br.com.healthmed.notifications;

import br.com.healthmed.scheduling.AppointmentEvent;
import br.com.healthmed.scheduling.AppointmentStatus;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Keeps an appointment's planned reminders in step with its events: a confirmation plans one per lead
 * ({@code healthmed.notifications.reminder-leads}) except those whose time has already come when it is
 * confirmed; a reschedule of a confirmed consultation plans them for the new start; any other end of
 * the consultation (cancelled, rejected, expired, completed, no-show) drops them.
 */
@Component
class ReminderPlanner {

    private final ReminderStore store;
    private final NotificationsProperties properties;

    ReminderPlanner(ReminderStore store, NotificationsProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    void follow(AppointmentEvent event) {
        switch (event.kind()) {
            case CONFIRMED, RESCHEDULED -> {
                if (event.status() == AppointmentStatus.CONFIRMED) {
                    store.plan(event.appointmentId(), remindersOf(event));
                } else {
                    store.cancel(event.appointmentId()); // a confirmed consultation moved back to a request
                }
            }
            case REQUESTED -> {
                // nothing to remind of until the doctor confirms
            }
            case REJECTED, CANCELLED_BY_PATIENT, CANCELLED_BY_DOCTOR, EXPIRED, COMPLETED, NO_SHOW -> store.cancel(event.appointmentId());
        }
    }

    private List<Reminder> remindersOf(AppointmentEvent event) {
        return properties.reminderLeads().stream()
                .map(lead -> new Reminder(event.appointmentId(), event.doctorId(), event.patientId(), lead, event.start()))
                .filter(reminder -> reminder.dueAt().isAfter(event.at()))
                .toList();
    }
}
