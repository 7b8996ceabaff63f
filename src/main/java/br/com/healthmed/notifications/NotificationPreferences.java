package br.com.healthmed.notifications;

import org.springframework.modulith.NamedInterface;

/**
 * What a person chose to receive besides the e-mails about a change of their appointments, which
 * cannot be turned off: reminders, per channel (e-mail today).
 */
@NamedInterface("api")
public record NotificationPreferences(boolean emailReminders) {

    /** Until a person says otherwise: reminders on. */
    public static final NotificationPreferences DEFAULT = new NotificationPreferences(true);
}
