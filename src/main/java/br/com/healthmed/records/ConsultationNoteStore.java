package br.com.healthmed.records;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.storage.TimePositions;
import java.time.Instant;
import java.util.Optional;

/**
 * Where consultation notes live, version by version; no version is ever changed or deleted. Each write
 * is one conditional put of one version, which also holds the version's notice (the outbox entry of
 * its {@link ClinicalRecordEvent}, due at {@code noticeDue}). Reads are consistent. Implementations must
 * pass {@code ConsultationNoteStoreContract}.
 */
public interface ConsultationNoteStore {

    /** Stores the note's version 1, only if the note does not exist yet; false if it does. */
    boolean create(ConsultationNote note, Instant noticeDue);

    /**
     * Stores {@code version}, only if the note exists and has no version with that number yet; false
     * otherwise (someone amended it meanwhile).
     */
    boolean append(ConsultationNote note, NoteVersion version, Instant noticeDue);

    /** The note with every version, oldest first. */
    Optional<ConsultationNote> note(NoteId id);

    /**
     * The patient's notes, newest first by when they were written, at most {@code limit}, after position
     * {@code after} ({@link TimePositions} of {@code createdAt} and the note id), each with every version.
     */
    Page<ConsultationNote> notesOf(AccountId patient, int limit, Optional<String> after);
}
