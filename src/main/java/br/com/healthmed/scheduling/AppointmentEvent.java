package br.com.healthmed.scheduling;

import br.com.healthmed.identity.AccountId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An appointment changed: published after the change is stored, to its patient and its doctor.
 * {@code reason} carries a rejection reason or a cancellation justification.
 */
public record AppointmentEvent(AppointmentId appointmentId, AccountId doctorId, AccountId patientId,
                               AppointmentStatus status, Optional<String> reason, Instant at) {

    public static final String TOPIC = "scheduling.appointments";

    public AppointmentEvent {
        Objects.requireNonNull(appointmentId);
        Objects.requireNonNull(doctorId);
        Objects.requireNonNull(patientId);
        Objects.requireNonNull(status);
        Objects.requireNonNull(reason);
        Objects.requireNonNull(at);
    }

    static AppointmentEvent of(Appointment appointment, Instant at) {
        return new AppointmentEvent(appointment.id(), appointment.doctorId(), appointment.patientId(),
                appointment.status(), appointment.reason(), at);
    }

    public boolean concerns(AccountId account) {
        return doctorId.equals(account) || patientId.equals(account);
    }
}
