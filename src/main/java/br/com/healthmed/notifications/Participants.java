package br.com.healthmed.notifications;

import br.com.healthmed.directory.DoctorProfileService;
import br.com.healthmed.directory.DoctorView;
import br.com.healthmed.identity.AccountSummary;
import br.com.healthmed.identity.AccountDirectory;
import br.com.healthmed.identity.AccountId;
import br.com.healthmed.identity.PatientSummary;
import br.com.healthmed.scheduling.Appointment;
import br.com.healthmed.scheduling.AppointmentId;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Who an appointment's e-mails go to, from the modules that own them: the patient's name and e-mail
 * from identity; the doctor's name, CRM, contact e-mail and time zone from the directory (a doctor
 * registers without an e-mail, so a doctor who never gave one in the profile gets no e-mail). Never a
 * specialty.
 */
@Component
class Participants {

    private static final Pattern TITLED = Pattern.compile("^(?i)(dr|dra|dr\\(a\\))\\.?\\s.*");

    private final AccountDirectory accounts;
    private final DoctorProfileService doctors;

    Participants(AccountDirectory accounts, DoctorProfileService doctors) {
        this.accounts = accounts;
        this.doctors = doctors;
    }

    /** One side of an appointment: how to greet them and where to write (empty: nowhere). */
    record Person(AccountId id, String name, Optional<String> email) {}

    /** Both sides, how the doctor is named to the patient, and the zone the consultation's times are shown in. */
    record Pair(Person doctor, Person patient, String doctorDisplay, ZoneId zone) {}

    /** Empty when either account no longer exists (nobody to write to). */
    Optional<Pair> of(AccountId doctorId, AccountId patientId) {
        Map<AccountId, AccountSummary> found = accounts.findAll(Set.of(patientId));
        Optional<DoctorView> doctor = doctors.find(doctorId);
        if (!(found.get(patientId) instanceof PatientSummary patient) || doctor.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(pair(doctor.get(), patient));
    }

    /** The pairs of many appointments in two batched reads (for a GraphQL response); absent when an account is gone. */
    Map<AppointmentId, Pair> ofAll(Collection<Appointment> appointments) {
        Map<AccountId, AccountSummary> patients = accounts.findAll(appointments.stream().map(Appointment::patientId).collect(Collectors.toSet()));
        Map<AccountId, DoctorView> doctorViews = doctors.findAll(appointments.stream().map(Appointment::doctorId).collect(Collectors.toSet()));
        Map<AppointmentId, Pair> pairs = new HashMap<>();
        for (Appointment appointment : appointments) {
            DoctorView doctor = doctorViews.get(appointment.doctorId());
            if (patients.get(appointment.patientId()) instanceof PatientSummary patient && doctor != null) {
                pairs.put(appointment.id(), pair(doctor, patient));
            }
        }
        return pairs;
    }

    private static Pair pair(DoctorView doctor, PatientSummary patient) {
        return new Pair(new Person(doctor.id(), doctor.name(), doctor.email(true)),
                new Person(patient.id(), patient.name(), Optional.of(patient.email().value())),
                doctorDisplay(doctor.name(), doctor.crm()), doctor.profile().timeZone());
    }

    /** "Dr(a). Ana Lima (CRM 123456/SP)"; a name that already carries the title keeps its own. */
    static String doctorDisplay(String name, String crm) {
        String titled = TITLED.matcher(name).matches() ? name : "Dr(a). " + name;
        return titled + " (CRM " + crm + ")";
    }
}
