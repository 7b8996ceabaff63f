package br.com.healthmed.records;

import br.com.healthmed.platform.error.DomainException;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * Finds a file for a caller who claims to own it. A file that is not the caller's — another
 * patient's, or any file for a doctor or an anonymous caller — is {@code NOT_FOUND}, like one that
 * never existed, and the attempt goes to its owner's access log.
 */
@Component
class FileGuard {

    private final HealthRecordStore store;
    private final AccessAudit audit;
    private final FailedLookups failedLookups;
    private final Clock clock;

    FileGuard(HealthRecordStore store, AccessAudit audit, FailedLookups failedLookups, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.failedLookups = failedLookups;
        this.clock = clock;
    }

    /** The caller's completed file. */
    RecordFile own(Requester who, FileId id) {
        return owned(who, id, RecordFile::available);
    }

    /**
     * The caller's completed file that the caller may change (rename, delete): documents a doctor issued
     * are part of the clinical record, kept as issued ({@code CLINICAL_RECORD_READ_ONLY}).
     */
    RecordFile ownChangeable(Requester who, FileId id) {
        RecordFile file = own(who, id);
        if (file.isIssued()) {
            throw new DomainException(RecordsErrors.CLINICAL_RECORD_READ_ONLY, "'" + file.fileName() + "' was issued by a doctor: "
                    + "it stays in your record as issued (you can still put it in your groups and share it).");
        }
        return file;
    }

    /**
     * A file the caller is uploading, or uploaded: the patient's own, or for a document a doctor issues,
     * the issuing doctor's (the patient cannot complete or cancel it). An expired intent is gone.
     */
    RecordFile uploadedBy(Requester who, FileId id) {
        Optional<RecordFile> file = store.file(id).filter(found -> found.visibleToOwnerAt(clock.instant()));
        if (file.isEmpty() || !who.is(file.get().issued().map(IssuedBy::doctor).orElse(file.get().owner()))) {
            throw refused(who, file.filter(RecordFile::available));
        }
        return file.get();
    }

    private RecordFile owned(Requester who, FileId id, Predicate<RecordFile> visible) {
        Optional<RecordFile> file = store.file(id).filter(visible);
        if (file.isEmpty() || !who.is(file.get().owner())) {
            throw refused(who, file.filter(RecordFile::available));
        }
        return file.get();
    }

    /**
     * A failed look-up: counted against the caller ({@code TOO_MANY_REFUSALS} past the limit, whether
     * the file exists or not), and logged for the owner when there is an available file.
     */
    DomainException refused(Requester who, Optional<RecordFile> existing) {
        failedLookups.count(who);
        existing.ifPresent(file -> audit.refused(who, file));
        return notFound();
    }

    static DomainException notFound() {
        return DomainException.notFound("File");
    }
}
