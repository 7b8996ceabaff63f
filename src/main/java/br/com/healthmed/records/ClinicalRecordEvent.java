package br.com.healthmed.records;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.scheduling.AppointmentId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * A doctor added to a patient's record: a consultation note (or an amendment of one) or an issued
 * document. Carries ids and times only, never what the note says. {@code id} is the event's stable
 * identity ({@code note:<note>:<version>} or {@code document:<file>}): every redelivery carries the same,
 * and consumers deduplicate by it. {@code subject} is the note's or the document's id.
 */
@NamedInterface("api")
public record ClinicalRecordEvent(String id, Kind kind, AccountId patient, AccountId doctor, AppointmentId appointment,
                                  Instant appointmentStart, UUID subject, int version, Instant at) {

    /**
     * The topic on which the previous release's live subscribers hear whole events; relays still publish them
     * here until no instance of that release is left. Subscriptions now follow the patient's log, woken up on
     * {@link ClinicalRecordFeed#TOPIC}.
     */
    public static final String TOPIC = "records.clinical";

    public enum Kind {
        /** A consultation note was written (its version 1). */
        NOTE_WRITTEN,
        /** A consultation note was amended (a new version). */
        NOTE_AMENDED,
        /** A doctor issued a document (prescription, certificate, exam request, report). */
        DOCUMENT_ISSUED
    }

    public ClinicalRecordEvent {
        Objects.requireNonNull(id);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(patient);
        Objects.requireNonNull(doctor);
        Objects.requireNonNull(appointment);
        Objects.requireNonNull(appointmentStart);
        Objects.requireNonNull(subject);
        Objects.requireNonNull(at);
    }

    public static ClinicalRecordEvent of(ConsultationNote note, NoteVersion version) {
        return new ClinicalRecordEvent("note:" + note.id() + ":" + version.version(),
                version.version() == 1 ? Kind.NOTE_WRITTEN : Kind.NOTE_AMENDED, note.patient(), note.doctor(),
                note.appointment(), note.appointmentStart(), note.id().value(), version.version(), version.at());
    }

    public static ClinicalRecordEvent of(RecordFile document, Instant appointmentStart) {
        IssuedBy by = document.issued().orElseThrow();
        return new ClinicalRecordEvent("document:" + document.id(), Kind.DOCUMENT_ISSUED, document.owner(), by.doctor(),
                by.appointment(), appointmentStart, document.id().value(), 1, document.availableAt().orElseThrow());
    }
}
