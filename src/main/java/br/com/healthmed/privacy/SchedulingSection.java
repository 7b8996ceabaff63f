package br.com.healthmed.privacy;

import static br.com.healthmed.privacy.Json.object;

import br.com.healthmed.platform.security.Role;
import br.com.healthmed.scheduling.Appointment;
import br.com.healthmed.scheduling.AppointmentQueries;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code scheduling}: every appointment the subject took part in, with its whole history, and the
 * ratings: given (a patient's) or received (a doctor's).
 */
@Component
@Order(20)
class SchedulingSection implements PersonalDataSection {

    private final AppointmentQueries appointments;

    SchedulingSection(AppointmentQueries appointments) {
        this.appointments = appointments;
    }

    @Override
    public String key() {
        return "scheduling";
    }

    @Override
    public Optional<Object> collect(DataSubject subject, ExportFiles files) {
        List<Appointment> all = appointments.allOf(subject.account(), subject.role());
        List<Map<String, Object>> ratings = all.stream().filter(a -> a.rating().isPresent())
                .map(a -> object("appointmentId", a.id().toString(), "doctorId", a.doctorId().toString(),
                        "stars", a.rating().get().stars(), "comment", a.rating().get().comment(), "ratedAt", a.rating().get().ratedAt()))
                .toList();
        return Optional.of(object(
                "appointments", all.stream().map(SchedulingSection::appointment).toList(),
                subject.role() == Role.PATIENT ? "ratingsGiven" : "ratingsReceived", ratings));
    }

    private static Map<String, Object> appointment(Appointment a) {
        return object("id", a.id().toString(), "doctorId", a.doctorId().toString(), "patientId", a.patientId().toString(),
                "start", a.start(), "end", a.end(), "status", a.status(), "price", a.price(), "requestedAt", a.requestedAt(),
                "reason", a.reason(), "cancelledBy", a.cancelledBy(),
                "history", a.history().stream().map(t -> object("from", Optional.ofNullable(t.from()), "to", t.to(), "at", t.at(),
                        "by", t.by())).toList());
    }
}
