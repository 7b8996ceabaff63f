package br.com.healthmed.notifications;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.scheduling.AppointmentId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A reminder, to its doctor and its patient, of the consultation starting at {@code start}, due {@code lead} before it. */
public record Reminder(AppointmentId appointmentId, AccountId doctorId, AccountId patientId, Duration lead, Instant start) {

    public Reminder {
        Objects.requireNonNull(appointmentId);
        Objects.requireNonNull(doctorId);
        Objects.requireNonNull(patientId);
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
