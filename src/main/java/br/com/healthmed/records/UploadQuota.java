package br.com.healthmed.records;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.error.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Holds quota for uploads from the moment they are requested, so that requests in flight cannot
 * together promise more than the quota (45 requests of 50 MB no longer all get URLs against 2 GB).
 *
 * <p>A hold ends in exactly one of three ways: settled into usage when the upload completes, given
 * back when it is cancelled or discarded, or given back when its intent expires (by the sweep, or by
 * {@link #reconcile} here). Expiry is read-time: a hold past its intent's expiry is not reported to
 * the patient, and a request refused for lack of room first reconciles the patient's stale holds and
 * tries once more. Reconciling also repairs what a crash half-way could leave behind: a hold whose
 * intent is gone is given back, one whose file was completed is settled. So no hold outlives its
 * intent for longer than the patient's next request.
 */
@Component
class UploadQuota {

    private final HealthRecordStore store;
    private final BlobStore blobs;
    private final RecordsProperties properties;
    private final Clock clock;

    UploadQuota(HealthRecordStore store, BlobStore blobs, RecordsProperties properties, Clock clock) {
        this.store = store;
        this.blobs = blobs;
        this.properties = properties;
        this.clock = clock;
    }

    /** Holds the bytes for the upload, or refuses with {@code QUOTA_EXCEEDED} / {@code TOO_MANY_PENDING_UPLOADS}. */
    void hold(AccountId patient, UploadHold hold) {
        HealthRecordStore.Reservation outcome = reserve(patient, hold);
        if (outcome != HealthRecordStore.Reservation.RESERVED && reconcile(patient) > 0) {
            outcome = reserve(patient, hold);
        }
        switch (outcome) {
            case RESERVED -> { }
            case TOO_MANY_PENDING -> throw new DomainException(RecordsErrors.TOO_MANY_PENDING_UPLOADS,
                    "You have " + properties.maxPendingUploads() + " uploads in progress; complete or cancel one first.",
                    Map.of("maxPendingUploads", properties.maxPendingUploads()));
            case QUOTA_EXCEEDED -> throw quotaExceeded(patient, hold.bytes());
            case SPENT -> throw Uploads.keyReused();
        }
    }

    /** The upload completed: its held bytes are now the file's. */
    void settle(RecordFile file) {
        store.settleUpload(file.owner(), file.id());
    }

    /** The upload will not complete: its intent and bytes go, and so does its hold. */
    void abandon(RecordFile pending) {
        if (store.deleteIfPending(pending.id())) {
            release(pending);
        }
    }

    /** Gives back the hold of an intent already deleted, and the bytes a client may have PUT. */
    void release(RecordFile deletedIntent) {
        blobs.delete(deletedIntent.objectKey());
        store.releaseUpload(deletedIntent.owner(), deletedIntent.id(), deletedIntent.sizeBytes());
    }

    RecordUsage usage(AccountId patient) {
        return store.usage(patient);
    }

    /** Settles or gives back every hold of the patient whose intent has expired; how many there were. */
    int reconcile(AccountId patient) {
        Instant now = clock.instant();
        int reconciled = 0;
        for (UploadHold stale : store.usage(patient).staleAt(now)) {
            Optional<RecordFile> file = store.file(stale.file());
            if (file.isPresent() && !file.get().available() && store.deleteIfPending(stale.file())) {
                release(file.get());
            } else if (store.file(stale.file()).filter(RecordFile::available).isPresent()
                    || store.deletedFile(stale.file()).isPresent()) {
                // completed, but the settle was lost (a deletion since gives the bytes back itself, once)
                store.settleUpload(patient, stale.file());
            } else {
                store.releaseUpload(patient, stale.file(), stale.bytes()); // the intent is gone
            }
            reconciled++;
        }
        return reconciled;
    }

    private HealthRecordStore.Reservation reserve(AccountId patient, UploadHold hold) {
        return store.reserveUpload(patient, hold, properties.quotaPerPatient().toBytes(), properties.maxPendingUploads());
    }

    private DomainException quotaExceeded(AccountId patient, long sizeBytes) {
        long quota = properties.quotaPerPatient().toBytes();
        RecordUsage usage = store.usage(patient);
        return new DomainException(RecordsErrors.QUOTA_EXCEEDED, "This file (" + sizeBytes + " bytes) does not fit in the "
                + quota + "-byte quota of your health record, counting uploads in progress; delete files or cancel uploads to make room.",
                Map.of("quotaBytes", quota, "usedBytes", usage.usedBytes(), "reservedBytes", usage.reservedBytesAt(clock.instant())));
    }
}
