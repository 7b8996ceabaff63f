package br.com.healthmed.records;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.IdempotencyKeys;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Writes the access log: one entry per upload, download-URL issuance, share and revocation, every
 * time. Refusals are the one thing a stranger can make happen at will, so identical refusals in a row
 * (same caller, address and file, within {@code healthmed.records.refusal-window}) are one entry with
 * a count, and {@link FailedLookups} stops a caller who keeps failing.
 */
@Service
public class AccessAudit {

    private static final Logger log = LoggerFactory.getLogger(AccessAudit.class);

    private final AccessLogStore store;
    private final RecordsProperties properties;
    private final Clock clock;
    /** The last instant this instance logged; see {@link #now()}. */
    private final AtomicReference<Instant> last = new AtomicReference<>(Instant.MIN);

    AccessAudit(AccessLogStore store, RecordsProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The completed upload's entry. Its id is derived from the file's and its instant is the completion's, so
     * writing it again (a retried {@code completeFileUpload}, a concurrent one, one whose completion was stored
     * but whose answer was lost) adds nothing: the store appends an entry only where none has its key.
     */
    void uploaded(Requester who, RecordFile file) {
        store.append(once(file.id().value(), file.availableAt().orElseThrow(), file.owner(), AccessAction.UPLOAD, who,
                Optional.of(file), Optional.empty(), Optional.empty(), Optional.empty()));
    }

    void downloadIssued(Requester who, RecordFile file, Optional<Grant> under, Optional<String> shareName) {
        append(file.owner(), AccessAction.DOWNLOAD_URL_ISSUED, who, Optional.of(file), under.map(Grant::id), shareName,
                Optional.empty());
    }

    /** The share's entry, once however often it is written (its id derived from the share's; see {@link #uploaded}). */
    void shared(Requester who, Grant grant, String shareName) {
        store.append(once(grant.id().value(), grant.createdAt(), grant.patient(), AccessAction.SHARE, who, Optional.empty(),
                Optional.of(grant.id()), Optional.of(shareName), Optional.of(grant.doctor())));
    }

    /** The revocation's entry, once (see {@link #uploaded}); {@code grant} is the revoked share. */
    void revoked(Requester who, Grant grant, String shareName) {
        store.append(once(grant.id().value(), grant.revokedAt().orElseThrow(), grant.patient(), AccessAction.REVOKE, who,
                Optional.empty(), Optional.of(grant.id()), Optional.of(shareName), Optional.of(grant.doctor())));
    }

    /** The issued document's entry, once (see {@link #uploaded}). */
    void documentIssued(Requester who, RecordFile document) {
        store.append(once(document.id().value(), document.availableAt().orElseThrow(), document.owner(),
                AccessAction.DOCUMENT_ISSUED, who, Optional.of(document), Optional.empty(), Optional.empty(), Optional.empty()));
    }

    void noteWritten(Requester who, ConsultationNote note, NoteVersion version) {
        store.append(noteEntry(note, version.version() == 1 ? AccessAction.NOTE_WRITTEN : AccessAction.NOTE_AMENDED, who,
                Optional.empty(), Optional.empty()));
    }

    void noteRead(Requester who, ConsultationNote note, Optional<Grant> under, Optional<String> shareName) {
        store.append(noteEntry(note, AccessAction.NOTE_READ, who, under.map(Grant::id), shareName));
    }

    void exportRequested(Requester who, AccountId patient) {
        append(patient, AccessAction.DATA_EXPORT_REQUESTED, who, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    void exportDownloaded(Requester who, AccountId patient) {
        append(patient, AccessAction.DATA_EXPORT_DOWNLOADED, who, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Someone not entitled asked for an existing file: the owner learns it; the caller gets NOT_FOUND. */
    void refused(Requester who, RecordFile file) {
        refused(who, entry(file.owner(), AccessAction.ACCESS_REFUSED, who, Optional.of(file), Optional.empty(),
                Optional.empty(), Optional.empty()), "file " + file.id());
    }

    /** Someone not entitled asked for an existing note: logged like a refused file, collapsed the same way. */
    void refused(Requester who, ConsultationNote note) {
        refused(who, noteEntry(note, AccessAction.ACCESS_REFUSED, who, Optional.empty(), Optional.empty()), "note " + note.id());
    }

    private void refused(Requester who, AccessLogEntry entry, String subject) {
        log.warn("Refused access to {} by {} from {}", subject, who.account().map(AccountId::toString).orElse("anonymous"),
                who.address());
        String repeatKey = String.join("|", AccessAction.ACCESS_REFUSED.name(), FailedLookups.key(who), who.address(), subject);
        store.appendOrCountRepeat(entry, repeatKey, properties.refusalWindow());
    }

    private AccessLogEntry noteEntry(ConsultationNote note, AccessAction action, Requester who, Optional<GrantId> grant,
                                     Optional<String> shareName) {
        return new AccessLogEntry(UUID.randomUUID(), note.patient(), now(), action, who.account(), who.role(), Optional.empty(),
                Optional.of(NoteNames.of(note)), grant, shareName, Optional.empty(), who.address()).aboutNote(note.id());
    }

    private void append(AccountId patient, AccessAction action, Requester who, Optional<RecordFile> file,
                        Optional<GrantId> grant, Optional<String> shareName, Optional<AccountId> sharedWith) {
        store.append(entry(patient, action, who, file, grant, shareName, sharedWith));
    }

    private AccessLogEntry entry(AccountId patient, AccessAction action, Requester who, Optional<RecordFile> file,
                                 Optional<GrantId> grant, Optional<String> shareName, Optional<AccountId> sharedWith) {
        return new AccessLogEntry(UUID.randomUUID(), patient, now(), action, who.account(), who.role(),
                file.map(RecordFile::id), file.map(RecordFile::fileName), grant, shareName, sharedWith, who.address());
    }

    /**
     * The entry of what happened once to {@code subject} (a file's or a share's id) at {@code at}: its id derived
     * from the subject and the action, so every write of it has the same key.
     */
    private AccessLogEntry once(UUID subject, Instant at, AccountId patient, AccessAction action, Requester who,
                                       Optional<RecordFile> file, Optional<GrantId> grant, Optional<String> shareName,
                                       Optional<AccountId> sharedWith) {
        last.accumulateAndGet(at, (previous, written) -> written.isAfter(previous) ? written : previous); // later entries after it
        return new AccessLogEntry(IdempotencyKeys.derivedId(subject, "accessLog", action.name()), patient, at, action,
                who.account(), who.role(), file.map(RecordFile::id), file.map(RecordFile::fileName), grant, shareName,
                sharedWith, who.address());
    }

    /**
     * The instant for something that is logged {@link #once} (a share's creation, a revocation, a completion):
     * taken from this log's sequence, so that its entry, whose instant is that one, lists in the order it happened
     * among the others even within one clock tick.
     */
    Instant nextInstant() {
        return now();
    }

    /**
     * The clock's instant, but always after the previous entry's: two events in the same clock tick
     * (or a clock stepping back) still list in the order they happened. The log is read in time order.
     */
    private Instant now() {
        Instant clockNow = clock.instant();
        return last.updateAndGet(previous -> clockNow.isAfter(previous) ? clockNow : previous.plusNanos(1));
    }
}
