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

    /** The caller's file, completed or still being uploaded (an expired intent is gone). */
    RecordFile ownIncludingPending(Requester who, FileId id) {
        return owned(who, id, file -> file.visibleToOwnerAt(clock.instant()));
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
