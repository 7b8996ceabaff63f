package br.com.healthmed.records;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.scheduling.SchedulingErrors;
import br.com.healthmed.scheduling.Appointment;
import br.com.healthmed.scheduling.AppointmentId;
import br.com.healthmed.scheduling.AppointmentLifecycle;
import br.com.healthmed.scheduling.AppointmentStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * When a doctor may write into a patient's record for a consultation: only the appointment's own doctor
 * ({@code NOT_FOUND} for everyone else, the patient included), only for a confirmed or completed
 * consultation ({@code INVALID_APPOINTMENT_STATE} otherwise), and only from its start until
 * {@code write-window} after its end ({@code CLINICAL_WRITE_WINDOW_CLOSED} before and after).
 */
@Component
class ConsultationAccess {

    private final AppointmentLifecycle appointments;
    private final ClinicalRecordProperties properties;
    private final Clock clock;

    ConsultationAccess(AppointmentLifecycle appointments, ClinicalRecordProperties properties, Clock clock) {
        this.appointments = appointments;
        this.properties = properties;
        this.clock = clock;
    }

    Appointment writableBy(AccountId doctor, AppointmentId id) {
        Appointment appointment = appointments.visibleTo(doctor, id);
        if (!appointment.doctorId().equals(doctor)) {
            throw DomainException.notFound("Appointment");
        }
        if (appointment.status() != AppointmentStatus.CONFIRMED && appointment.status() != AppointmentStatus.COMPLETED) {
            throw new DomainException(SchedulingErrors.INVALID_APPOINTMENT_STATE, "Only a confirmed or completed consultation has a "
                    + "record to write; this one is " + appointment.status() + ".", Map.of("currentStatus", appointment.status().name()));
        }
        Instant now = clock.instant();
        Instant closes = appointment.end().plus(properties.writeWindow());
        if (now.isBefore(appointment.start()) || !now.isBefore(closes)) {
            throw new DomainException(RecordsErrors.CLINICAL_WRITE_WINDOW_CLOSED, now.isBefore(appointment.start())
                    ? "The consultation has not started yet; its record opens at its start."
                    : "The consultation's record closed " + properties.writeWindow().toDays() + " days after its end.",
                    Map.of("opensAt", appointment.start().toString(), "closesAt", closes.toString()));
        }
        return appointment;
    }

    /** The consultation's start, for a doctor who is one of its participants. */
    Instant startOf(AccountId doctor, AppointmentId id) {
        return appointments.visibleTo(doctor, id).start();
    }
}
