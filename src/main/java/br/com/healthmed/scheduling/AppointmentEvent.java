package br.com.healthmed.scheduling;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.security.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/**
 * An appointment changed: recorded with the change, then delivered to its patient, its doctor and every
 * {@link AppointmentEventListener}. {@code id} is the event's stable identity (consumers deduplicate by
 * it). {@code reason} carries a rejection reason or a cancellation justification; {@code previousStart}
 * is set for {@link AppointmentEventKind#RESCHEDULED} and the proposals (whose {@code start} and {@code end}
 * are the proposed time, while the consultation stays where it was). {@code start} and {@code end} are the
 * consultation's times after the change; {@code at} is when the change happened.
 */
@NamedInterface("api")
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
        Instant[][] times = timesAfterEachStep(appointment);
        for (int i = 0; i < history.size(); i++) {
            Appointment.Transition step = history.get(i);
            AppointmentEventKind kind = kindOf(step);
            Optional<String> reason = kind == AppointmentEventKind.REJECTED || kind == AppointmentEventKind.CANCELLED_BY_DOCTOR
                    || kind == AppointmentEventKind.CANCELLED_BY_PATIENT ? appointment.reason() : Optional.empty();
            Instant start = times[i][0];
            Instant end = times[i][1];
            Optional<Instant> previousStart = Optional.empty();
            if (step.move().isPresent()) {
                Appointment.Move move = step.move().get();
                previousStart = Optional.of(move.fromStart());
                if (move.kind() != Appointment.MoveKind.DONE) { // a proposal: the time proposed, beside the current one
                    start = move.toStart();
                    end = move.toEnd();
                }
            }
            events.add(new AppointmentEvent(idOf(appointment.id(), i), kind, appointment.id(), appointment.doctorId(),
                    appointment.patientId(), step.to(), reason, start, end, previousStart, step.at()));
        }
        return List.copyOf(events);
    }

    /**
     * The consultation's start and end in effect after each step: a reschedule step carries both
     * times, so every event keeps the times it had when it happened, however often it is re-derived.
     */
    private static Instant[][] timesAfterEachStep(Appointment appointment) {
        List<Appointment.Transition> history = appointment.history();
        Instant[][] times = new Instant[history.size()][];
        Instant[] current = {appointment.start(), appointment.end()};
        for (int i = history.size() - 1; i >= 0; i--) {
            times[i] = current;
            Optional<Appointment.Move> move = history.get(i).move().filter(m -> m.kind() == Appointment.MoveKind.DONE);
            if (move.isPresent()) {
                times[i] = new Instant[] {move.get().toStart(), move.get().toEnd()};
                current = new Instant[] {move.get().fromStart(), move.get().fromEnd()};
            }
        }
        return times;
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
        if (step.move().isPresent()) {
            return switch (step.move().get().kind()) {
                case DONE -> AppointmentEventKind.RESCHEDULED;
                case PROPOSED -> AppointmentEventKind.NEW_TIME_PROPOSED;
                case DECLINED -> AppointmentEventKind.NEW_TIME_DECLINED;
            };
        }
        if (step.from() == AppointmentStatus.OFFERED && (step.to() == AppointmentStatus.EXPIRED || step.to() == AppointmentStatus.CANCELLED)) {
            return step.to() == AppointmentStatus.EXPIRED ? AppointmentEventKind.OFFER_EXPIRED : AppointmentEventKind.OFFER_DECLINED;
        }
        return switch (step.to()) {
            case OFFERED -> AppointmentEventKind.WAITLIST_OFFER;
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
