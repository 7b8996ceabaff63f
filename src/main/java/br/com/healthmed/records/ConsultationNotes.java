package br.com.healthmed.records;

import br.com.healthmed.identity.AccountDirectory;
import br.com.healthmed.identity.AccountId;
import br.com.healthmed.identity.DoctorSummary;
import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.PlatformErrors;
import br.com.healthmed.platform.security.Role;
import br.com.healthmed.scheduling.Appointment;
import br.com.healthmed.scheduling.AppointmentId;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Consultation notes: the appointment's doctor writes one per consultation and amends it (new versions,
 * each with its reason; nothing is ever changed or deleted). Read by the patient, by the note's doctor,
 * and by another doctor only under an active share that covers it; everyone else gets {@code NOT_FOUND},
 * exactly as for a note that does not exist. Every write, read and refused read is in the patient's
 * access log, and a new version's notice (the patient is told) is stored with it.
 */
@Service
public class ConsultationNotes {

    private final ConsultationNoteStore store;
    private final ConsultationAccess consultations;
    private final Icd10Catalogue icd10;
    private final AccountDirectory accounts;
    private final GrantStore grants;
    private final AccessAudit audit;
    private final FailedLookups failedLookups;
    private final ClinicalRecordRelay relay;
    private final ClinicalRecordProperties properties;
    private final Clock clock;

    ConsultationNotes(ConsultationNoteStore store, ConsultationAccess consultations, Icd10Catalogue icd10,
                      AccountDirectory accounts, GrantStore grants, AccessAudit audit, FailedLookups failedLookups,
                      ClinicalRecordRelay relay, ClinicalRecordProperties properties, Clock clock) {
        this.store = store;
        this.consultations = consultations;
        this.icd10 = icd10;
        this.accounts = accounts;
        this.grants = grants;
        this.audit = audit;
        this.failedLookups = failedLookups;
        this.relay = relay;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Writes the consultation's note (its version 1). A retry of the same write returns the note; a
     * second, different write is {@code CONSULTATION_NOTE_EXISTS}: amend it instead.
     */
    public ConsultationNote write(Requester who, AccountId doctor, AppointmentId appointmentId, NewNote input) {
        Appointment appointment = consultations.writableBy(doctor, appointmentId);
        NoteContent content = content(input);
        DoctorSummary author = author(doctor);
        Instant now = clock.instant();
        NoteVersion first = new NoteVersion(1, content, Optional.empty(), doctor, author.name(), author.crm().value(), now);
        ConsultationNote note = new ConsultationNote(NoteId.of(appointmentId), appointmentId, appointment.patientId(), doctor,
                appointment.start(), now, java.util.List.of(first));
        if (!store.create(note, relay.firstSweepAfter(now))) {
            ConsultationNote existing = store.note(note.id()).orElseThrow();
            if (existing.versions().size() == 1 && existing.latest().sameAs(content, Optional.empty(), doctor)) {
                return existing; // this very write, retried
            }
            throw new DomainException(RecordsErrors.CONSULTATION_NOTE_EXISTS, "This consultation already has a note; amend it.",
                    Map.of("noteId", br.com.healthmed.platform.graphql.GlobalId.encode("ConsultationNote", note.id()), "currentVersion", existing.latest().version()));
        }
        audit.noteWritten(who, note, first);
        relay.soon(new RecordNotice(ClinicalRecordEvent.of(note, first), 0, relay.firstSweepAfter(now)));
        return note;
    }

    /**
     * Adds a version to the doctor's note, made from {@code baseVersion} (the version the doctor read);
     * {@code NOTE_VERSION_CONFLICT} when the note has moved on meanwhile, so no amendment overwrites another
     * unseen. A retry of the same amendment returns the note.
     */
    public ConsultationNote amend(Requester who, AccountId doctor, NoteId id, int baseVersion, NewNote input, String rawReason) {
        Optional<ConsultationNote> found = store.note(id);
        ConsultationNote note = found.filter(existing -> existing.doctor().equals(doctor)).orElseThrow(() -> refused(who, found));
        consultations.writableBy(doctor, note.appointment());
        NoteContent content = content(input);
        Optional<String> reason = Optional.of(ClinicalTexts.required(rawReason, "reason", ClinicalRecordProperties.MAX_SHORT_TEXT));
        if (baseVersion < 1 || baseVersion > note.latest().version()) {
            throw DomainException.invalid(PlatformErrors.BAD_USER_INPUT, "baseVersion", "No such version of this note.");
        }
        if (baseVersion < note.latest().version()) {
            if (baseVersion + 1 == note.latest().version() && note.latest().sameAs(content, reason, doctor)) {
                return note; // this very amendment, retried
            }
            throw conflict(note);
        }
        DoctorSummary author = author(doctor);
        Instant now = clock.instant();
        NoteVersion next = new NoteVersion(baseVersion + 1, content, reason, doctor, author.name(), author.crm().value(), now);
        if (!store.append(note, next, relay.firstSweepAfter(now))) {
            throw conflict(store.note(id).orElse(note));
        }
        ConsultationNote amended = note.with(next);
        audit.noteWritten(who, amended, next);
        relay.soon(new RecordNotice(ClinicalRecordEvent.of(amended, next), 0, relay.firstSweepAfter(now)));
        return amended;
    }

    /**
     * A note for whoever may read it, the read logged: the patient, its doctor, or a doctor under an active
     * share covering it (the longest-lasting such share is named in the log).
     */
    public NoteRead read(Requester who, NoteId id) {
        Optional<ConsultationNote> found = store.note(id);
        if (found.isEmpty()) {
            throw refused(who, found);
        }
        ConsultationNote note = found.get();
        Optional<Grant> under = Optional.empty();
        if (!who.is(note.patient()) && !who.is(note.doctor())) {
            under = grantFor(who, note);
            if (under.isEmpty()) {
                throw refused(who, found);
            }
        }
        return logged(who, note, under);
    }

    /** Logs the read of a note the caller was found entitled to (a timeline entry they opened). */
    public NoteRead logged(Requester who, ConsultationNote note, Optional<Grant> under) {
        audit.noteRead(who, note, under, under.map(grant -> ShareNames.via(grant.scope(), note)));
        return new NoteRead(note, under);
    }

    /** A note read, and the share it was read under (empty for its patient and its doctor). */
    public record NoteRead(ConsultationNote note, Optional<Grant> under) {}

    private Optional<Grant> grantFor(Requester who, ConsultationNote note) {
        if (!who.isA(Role.DOCTOR)) {
            return Optional.empty();
        }
        AccountId doctor = who.account().orElseThrow();
        Instant now = clock.instant();
        return grants.grantsBetween(note.patient(), doctor).stream().filter(grant -> grant.lets(doctor, note, now))
                .max(Comparator.comparing(Grant::expiresAt));
    }

    /** Counted against the caller's failed look-ups, and logged for the patient when the note exists. */
    private DomainException refused(Requester who, Optional<ConsultationNote> existing) {
        failedLookups.count(who);
        existing.ifPresent(note -> audit.refused(who, note));
        return DomainException.notFound("Consultation note");
    }

    private NoteContent content(NewNote input) {
        int max = properties.maxTextLength();
        return new NoteContent(
                ClinicalTexts.required(input.reason(), "input.reason", ClinicalRecordProperties.MAX_SHORT_TEXT),
                ClinicalTexts.optional(input.history(), "input.history", max),
                ClinicalTexts.optional(input.findings(), "input.findings", max),
                ClinicalTexts.required(input.assessment(), "input.assessment", max),
                icd10.check(input.icd10Codes(), "input.icd10Codes"),
                ClinicalTexts.optional(input.plan(), "input.plan", max));
    }

    private DoctorSummary author(AccountId doctor) {
        if (accounts.find(doctor).orElse(null) instanceof DoctorSummary account) {
            return account;
        }
        throw DomainException.notFound("Doctor");
    }

    private static DomainException conflict(ConsultationNote note) {
        return new DomainException(RecordsErrors.NOTE_VERSION_CONFLICT, "The note was amended meanwhile (it is at version "
                + note.latest().version() + "); read it again and amend that version.",
                Map.of("currentVersion", note.latest().version()));
    }
}
