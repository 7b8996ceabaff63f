package br.com.healthmed.records;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.scheduling.AppointmentId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The note of one consultation in the patient's record: append-only, every version kept (legal
 * retention: nothing is ever deleted). {@code createdAt} is when version 1 was written, its place in
 * the timeline; {@code appointmentStart} is the consultation's start, for the notices.
 */
public record ConsultationNote(NoteId id, AppointmentId appointment, AccountId patient, AccountId doctor,
                               Instant appointmentStart, Instant createdAt, List<NoteVersion> versions) {

    public ConsultationNote {
        Objects.requireNonNull(id);
        Objects.requireNonNull(appointment);
        Objects.requireNonNull(patient);
        Objects.requireNonNull(doctor);
        Objects.requireNonNull(appointmentStart);
        Objects.requireNonNull(createdAt);
        versions = List.copyOf(versions);
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("a note has at least its first version");
        }
    }

    public NoteVersion latest() {
        return versions.get(versions.size() - 1);
    }

    public ConsultationNote with(NoteVersion next) {
        List<NoteVersion> more = new java.util.ArrayList<>(versions);
        more.add(next);
        return new ConsultationNote(id, appointment, patient, doctor, appointmentStart, createdAt, more);
    }
}
