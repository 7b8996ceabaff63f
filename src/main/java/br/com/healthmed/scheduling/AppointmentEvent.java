package br.com.healthmed.scheduling;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.security.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * Every event of an appointment, oldest first: one per step of its history (the request, each
     * answer and cancellation, the moves time makes). The history is written with the change itself,
     * in the same conditional write, so the events of a stored change can never be missing; the
     * {@code n}-th step always yields the same event, with the id {@code <appointment>:<n>}.
     */
    static List<AppointmentEvent> allOf(Appointment appointment) {
        List<AppointmentEvent> events = new ArrayList<>();
        List<Appointment.Transition> history = appointment.history();
        for (int i = 0; i < history.size(); i++) {
            Appointment.Transition step = history.get(i);
            AppointmentEventKind kind = kindOf(step);
            Optional<String> reason = kind == AppointmentEventKind.REJECTED || kind == AppointmentEventKind.CANCELLED_BY_DOCTOR
                    || kind == AppointmentEventKind.CANCELLED_BY_PATIENT ? appointment.reason() : Optional.empty();
            events.add(new AppointmentEvent(idOf(appointment.id(), i), kind, appointment.id(), appointment.doctorId(),
                    appointment.patientId(), step.to(), reason, appointment.start(), appointment.end(), Optional.empty(),
                    step.at()));
        }
        return List.copyOf(events);
    }

    /** The id of the {@code index}-th event of an appointment. */
    public static String idOf(AppointmentId appointment, int index) {
        return appointment + ":" + index;
    }

    /** Where this event stands among its appointment's events (0 for the request). */
    public int indexInAppointment() {
        return Integer.parseInt(id.substring(id.lastIndexOf(':') + 1));
    }

    /** The kind of change a step of the history is. */
    static AppointmentEventKind kindOf(Appointment.Transition step) {
        return switch (step.to()) {
            case REQUESTED -> AppointmentEventKind.REQUESTED;
            case CONFIRMED -> AppointmentEventKind.CONFIRMED;
            case REJECTED -> AppointmentEventKind.REJECTED;
            case CANCELLED -> step.by().orElse(Role.PATIENT) == Role.DOCTOR
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
