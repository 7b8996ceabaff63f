package br.com.healthmed.records;

import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Deleting an available file as a sequence of steps that each may be repeated, so that whoever finds it
 * half-done finishes it: the request, a retry of it, or the sweep ({@link UploadSweeper}) on any instance,
 * all at once if it comes to that.
 *
 * <ol>
 *   <li>the file becomes a tombstone: no read sees it any more, and what remains to be done is written
 *       down (its bytes and its object);</li>
 *   <li>its bytes are given back to the quota, once per file (the store remembers it did);</li>
 *   <li>its object is deleted from the blob store (deleting what is gone is nothing);</li>
 *   <li>after the retry window, the sweep forgets the tombstone (until then a retried
 *       {@code deleteFile} finds it and answers true); that the bytes went back is remembered a day longer,
 *       for whoever still holds a copy of the tombstone.</li>
 * </ol>
 *
 * The metadata goes first: were the service to stop half-way, what remains is an unreachable object under
 * a random key and a tombstone that leads the sweep to it, never a listed file without bytes.
 */
@Component
class FileDeletions {

    private final HealthRecordStore store;
    private final BlobStore blobs;
    private final RecordsProperties properties;
    private final Clock clock;

    FileDeletions(HealthRecordStore store, BlobStore blobs, RecordsProperties properties, Clock clock) {
        this.store = store;
        this.blobs = blobs;
        this.properties = properties;
        this.clock = clock;
    }

    /** Steps 1 to 3 for an available file (step 1 done by a concurrent call counts as done). */
    void delete(RecordFile file) {
        Instant now = clock.instant();
        store.markDeleted(file.id(), now, now.plus(properties.retryWindow()));
        finish(file);
    }

    /** Steps 2 and 3 again for a deletion found half-done or done: a retry. */
    void finish(RecordFile tombstone) {
        store.releaseDeletedBytes(tombstone);
        blobs.delete(tombstone.objectKey());
    }

    /**
     * Steps 2 to 4 for a tombstone whose time has come: the sweep. The tombstone is read again (consistently)
     * first: {@code due} comes from an index that lags behind, and another instance may have forgotten it
     * meanwhile. A forget between that read and the release is harmless too: the store remembers the release
     * ({@link HealthRecordStore#RELEASE_REMEMBERED}).
     */
    void sweep(RecordFile due) {
        store.deletedFile(due.id()).ifPresent(tombstone -> {
            finish(tombstone);
            store.forgetDeletion(tombstone, clock.instant());
        });
    }
}
