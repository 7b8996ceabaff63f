package br.com.healthmed.records;

import br.com.healthmed.platform.error.DomainException;
import java.time.Clock;
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
    private final Clock clock;

    FileGuard(HealthRecordStore store, AccessAudit audit, Clock clock) {
        this.store = store;
        this.audit = audit;
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
        RecordFile file = store.file(id).filter(visible).orElseThrow(FileGuard::notFound);
        if (!who.is(file.owner())) {
            if (file.available()) {
                audit.refused(who, file);
            }
            throw notFound();
        }
        return file;
    }

    static DomainException notFound() {
        return DomainException.notFound("File");
    }
}
