package br.com.healthmed.scheduling;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.security.Role;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An appointment changed: recorded with the change, then delivered to its patient, its doctor and every
 * {@link AppointmentEventListener}. {@code id} is the event's stable identity (consumers deduplicate by
 * it). {@code reason} carries a rejection reason or a cancellation justification; {@code previousStart}
 * is set for {@link AppointmentEventKind#RESCHEDULED} only. {@code start} and {@code end} are the
 * consultation's times after the change; {@code at} is when the change happened.
 */
public record AppointmentEvent(String id, AppointmentEventKind kind, AppointmentId appointmentId, AccountId doctorId,
                               AccountId patientId, AppointmentStatus status, Optional<String> reason, Instant start,
                               Instant end, Optional<Instant> previousStart, Instant at) {

    public static final String TOPIC = "scheduling.appointments";

    public AppointmentEvent {
        Objects.requireNonNull(id);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(appointmentId);
        Objects.requireNonNull(doctorId);
        Objects.requireNonNull(patientId);
        Objects.requireNonNull(status);
        Objects.requireNonNull(reason);
        Objects.requireNonNull(start);
        Objects.requireNonNull(end);
        Objects.requireNonNull(previousStart);
        Objects.requireNonNull(at);
    }

    static AppointmentEvent of(Appointment appointment, Instant at) {
        return new AppointmentEvent(appointment.id() + ":" + appointment.version(), kindOf(appointment),
                appointment.id(), appointment.doctorId(), appointment.patientId(), appointment.status(),
                appointment.reason(), appointment.start(), appointment.end(), Optional.empty(), at);
    }

    /** The kind of change that left the appointment as it is. */
    static AppointmentEventKind kindOf(Appointment appointment) {
        return switch (appointment.status()) {
            case REQUESTED -> AppointmentEventKind.REQUESTED;
            case CONFIRMED -> AppointmentEventKind.CONFIRMED;
            case REJECTED -> AppointmentEventKind.REJECTED;
            case CANCELLED -> appointment.cancelledBy().orElse(Role.PATIENT) == Role.DOCTOR
                    ? AppointmentEventKind.CANCELLED_BY_DOCTOR : AppointmentEventKind.CANCELLED_BY_PATIENT;
            case EXPIRED -> AppointmentEventKind.EXPIRED;
            case COMPLETED -> AppointmentEventKind.COMPLETED;
            case NO_SHOW -> AppointmentEventKind.NO_SHOW;
        };
    }

    public boolean concerns(AccountId account) {
        return doctorId.equals(account) || patientId.equals(account);
    }
}
