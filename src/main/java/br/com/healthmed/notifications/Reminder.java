package br.com.healthmed.notifications;

import br.com.healthmed.scheduling.AppointmentId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A reminder of the consultation starting at {@code start}, due {@code lead} before it. */
public record Reminder(AppointmentId appointmentId, Duration lead, Instant start) {

    public Reminder {
        Objects.requireNonNull(appointmentId);
        Objects.requireNonNull(lead);
        Objects.requireNonNull(start);
    }

    public Instant dueAt() {
        return start.minus(lead);
    }

    /** The delivery id its e-mails are marked with: a rescheduled consultation's reminder is a new one. */
    public String deliveryId() {
        return "reminder:" + appointmentId + ":" + lead + ":" + start;
    }
}
