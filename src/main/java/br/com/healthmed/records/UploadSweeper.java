package br.com.healthmed.records;

import java.time.Clock;
import br.com.healthmed.platform.security.Role;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finishes what requests left half-done, on every instance at once (each step is conditional or
 * idempotent, so two sweeps racing each other or a request do each thing once):
 *
 * <ul>
 *   <li>uploads never completed: the intent and any bytes a client PUT without calling {@code
 *       completeFileUpload}. Expired intents are invisible already (expiry is checked at read time); this
 *       reclaims the storage and gives the quota they held back. An intent completed at the last moment is
 *       kept: it is deleted only while still pending, and its bytes and hold only after that;</li>
 *   <li>completions cut after making the file available: the upload's access-log entry written (once) and
 *       the hold settled, so the quota counts the file as used rather than as an upload in progress;</li>
 *   <li>deletions ({@link FileDeletions}) whose retry window has passed: their bytes given back and their
 *       object deleted if the request did not get that far, then the tombstone forgotten.</li>
 * </ul>
 */
@Component
public class UploadSweeper {

    private static final Logger log = LoggerFactory.getLogger(UploadSweeper.class);
    private static final int BATCH = 100;
    private static final int MAX_DELETION_ROUNDS = 20;
    /** The address of an access-log entry this sweep writes for a request that stopped before writing it. */
    static final String SWEEP_ADDRESS = "records-sweep";

    private final HealthRecordStore store;
    private final UploadQuota quota;
    private final FileDeletions deletions;
    private final AccessAudit audit;
    private final Clock clock;

    UploadSweeper(HealthRecordStore store, UploadQuota quota, FileDeletions deletions, AccessAudit audit, Clock clock) {
        this.store = store;
        this.quota = quota;
        this.deletions = deletions;
        this.audit = audit;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${healthmed.records.sweep-interval:PT5M}", initialDelayString = "${healthmed.records.sweep-interval:PT5M}")
    public void scheduledSweep() {
        try {
            int swept = sweep();
            if (swept > 0) {
                log.info("Swept {} expired uploads, unsettled completions and deletions", swept);
            }
        } catch (RuntimeException e) {
            log.warn("Sweeping expired uploads failed; the next sweep tries again", e);
        }
    }

    /** Sweeps every upload that has expired by now and every deletion due; the number swept. */
    public int sweep() {
        return sweepUploads() + sweepDeletions();
    }

    private int sweepUploads() {
        int swept = 0;
        int sweptNow;
        List<RecordFile> expired;
        do {
            sweptNow = 0;
            expired = store.expiredUploads(clock.instant(), BATCH);
            for (RecordFile upload : expired) {
                if (upload.available()) {
                    // completed, but what follows a completion was cut: logged (once: the entry's key derives
                    // from the file's), then settled, the order completeFileUpload uses, so a file still listed
                    // here may lack its settle but never its entry
                    logCompletion(upload);
                    quota.settle(upload);
                    sweptNow++;
                } else if (store.deleteIfPending(upload.id())) {
                    quota.release(upload);
                    sweptNow++;
                }
            }
            swept += sweptNow;
            // A full batch of which nothing could be swept is an index lagging behind: try next time.
        } while (expired.size() == BATCH && sweptNow > 0);
        return swept;
    }

    /**
     * The access-log entry of a completion whose request stopped before writing it: by whom the file was
     * uploaded (its owner, or the doctor who issued it), at the completion's instant. The request's network
     * address was not kept, so the entry says it was written by this sweep instead.
     */
    private void logCompletion(RecordFile upload) {
        if (upload.isIssued()) {
            IssuedBy issuer = upload.issued().orElseThrow();
            audit.documentIssued(new Requester(Optional.of(issuer.doctor()), Optional.of(Role.DOCTOR), SWEEP_ADDRESS), upload);
        } else {
            audit.uploaded(new Requester(Optional.of(upload.owner()), Optional.of(Role.PATIENT), SWEEP_ADDRESS), upload);
        }
    }

    private int sweepDeletions() {
        int swept = 0;
        List<RecordFile> due;
        int rounds = 0;
        do {
            due = store.deletionsDue(clock.instant(), BATCH);
            due.forEach(deletions::sweep);
            swept += due.size();
            // bounded: an index lagging behind the forgetting could hand back the same batch again
        } while (due.size() == BATCH && ++rounds < MAX_DELETION_ROUNDS);
        return swept;
    }
}
