package br.com.healthmed.records;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.security.Role;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * One entry of a patient's append-only access log: who did what to which file, under which share,
 * when, from where. Names are copied in when the entry is written (a file renamed or deleted later
 * still reads as it was); doctors' names are looked up when the log is read.
 *
 * @param actor     the account that acted; empty for an anonymous caller
 * @param fileName  the file's name at the time
 * @param shareName how the share read at the time ("your whole record", the group names, "2 files")
 * @param sharedWith the doctor a share or revocation was for
 * @param count      how many times it happened: identical refusals in a row are one entry
 * @param lastAt     when it last happened; {@code at} for a single occurrence
 * @param note       the consultation note read, written or refused (its name at the time is in {@code fileName})
 */
@NamedInterface("api")
public record AccessLogEntry(
        UUID id,
        AccountId patient,
        Instant at,
        AccessAction action,
        Optional<AccountId> actor,
        Optional<Role> actorRole,
        Optional<FileId> file,
        Optional<String> fileName,
        Optional<GrantId> grant,
        Optional<String> shareName,
        Optional<AccountId> sharedWith,
        String clientAddress,
        int count,
        Instant lastAt,
        Optional<NoteId> note) {

    public AccessLogEntry {
        Objects.requireNonNull(id);
        Objects.requireNonNull(patient);
        Objects.requireNonNull(at);
        Objects.requireNonNull(action);
        Objects.requireNonNull(actor);
        Objects.requireNonNull(actorRole);
        Objects.requireNonNull(file);
        Objects.requireNonNull(fileName);
        Objects.requireNonNull(grant);
        Objects.requireNonNull(shareName);
        Objects.requireNonNull(sharedWith);
        Objects.requireNonNull(clientAddress);
        Objects.requireNonNull(lastAt);
        Objects.requireNonNull(note);
        if (count < 1) {
            throw new IllegalArgumentException("count " + count);
        }
    }

    /** An entry about files or shares, as stored before notes existed. */
    public AccessLogEntry(UUID id, AccountId patient, Instant at, AccessAction action, Optional<AccountId> actor,
                          Optional<Role> actorRole, Optional<FileId> file, Optional<String> fileName, Optional<GrantId> grant,
                          Optional<String> shareName, Optional<AccountId> sharedWith, String clientAddress, int count, Instant lastAt) {
        this(id, patient, at, action, actor, actorRole, file, fileName, grant, shareName, sharedWith, clientAddress, count, lastAt,
                Optional.empty());
    }

    /** An entry of one occurrence. */
    public AccessLogEntry(UUID id, AccountId patient, Instant at, AccessAction action, Optional<AccountId> actor,
                          Optional<Role> actorRole, Optional<FileId> file, Optional<String> fileName, Optional<GrantId> grant,
                          Optional<String> shareName, Optional<AccountId> sharedWith, String clientAddress) {
        this(id, patient, at, action, actor, actorRole, file, fileName, grant, shareName, sharedWith, clientAddress, 1, at);
    }

    /** The entry with one more occurrence, at {@code at}. */
    public AccessLogEntry repeatedAt(Instant at) {
        return new AccessLogEntry(id, patient, this.at, action, actor, actorRole, file, fileName, grant, shareName, sharedWith,
                clientAddress, count + 1, at.isAfter(lastAt) ? at : lastAt, note);
    }

    /** The same entry about a consultation note. */
    public AccessLogEntry aboutNote(NoteId noteId) {
        return new AccessLogEntry(id, patient, at, action, actor, actorRole, file, fileName, grant, shareName, sharedWith,
                clientAddress, count, lastAt, Optional.of(noteId));
    }
}
