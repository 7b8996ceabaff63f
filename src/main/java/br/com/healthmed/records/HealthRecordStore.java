package br.com.healthmed.records;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.scheduling.AppointmentId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where file metadata, groups and each patient's used bytes live. Implementations must pass
 * {@code HealthRecordStoreContract}. Every read by id is consistent: a change is seen by the very
 * next request.
 */
public interface HealthRecordStore {

    /**
     * What to list: optionally one category, one group, only the patient's own files or only issued
     * documents ({@code issued}), only the documents issued for one consultation.
     */
    record FileFilter(Optional<FileCategory> category, Optional<GroupId> group, Optional<Boolean> issued,
                      Optional<AppointmentId> appointment) {

        public static final FileFilter ALL = new FileFilter(Optional.empty(), Optional.empty());

        public FileFilter(Optional<FileCategory> category, Optional<GroupId> group) {
            this(category, group, Optional.empty(), Optional.empty());
        }

        public boolean accepts(RecordFile file) {
            return category.map(c -> c == file.category()).orElse(true)
                    && group.map(g -> file.groups().contains(g)).orElse(true)
                    && issued.map(wanted -> file.isIssued() == wanted).orElse(true)
                    && appointment.map(a -> file.issued().filter(by -> by.appointment().equals(a)).isPresent()).orElse(true);
        }
    }

    /** Stores a new upload intent. */
    void createFile(RecordFile file);

    Optional<RecordFile> file(FileId id);

    /**
     * Marks a pending file available, once: false if it was not pending (already completed, deleted
     * or never created).
     */
    default boolean markAvailable(RecordFile pending, Instant at) {
        return markAvailable(pending, at, Optional.empty());
    }

    /**
     * {@link #markAvailable(RecordFile, Instant)}, storing {@code notice} (an issued document's event, see
     * {@link RecordNoticeStore}) with the file in the same write.
     */
    boolean markAvailable(RecordFile pending, Instant at, Optional<RecordNotice> notice);

    /** Renames the file, if it still exists. */
    void rename(FileId id, String fileName);

    /** Puts the file in the group (or takes it out), atomically and leaving its other groups alone; if it still exists. */
    void setInGroup(FileId id, GroupId group, boolean member);

    void deleteFile(FileId id);

    /** Keeps a final scan verdict with the file, if it still exists (so the blob store is not asked again). */
    void keepScanVerdict(FileId id, ScanStatus verdict);

    /**
     * Upload intents that expired before {@code now} without being completed, at most {@code limit}
     * (the oldest first, within the adapter's partitions).
     */
    List<RecordFile> expiredUploads(Instant now, int limit);

    /** Deletes the file only if it is still pending; false if it was completed (or is gone) meanwhile. */
    boolean deleteIfPending(FileId id);

    /**
     * A patient's available files passing {@code filter}, newest first, at most {@code limit},
     * starting after position {@code after} (a page's {@code next}).
     */
    Page<RecordFile> availableFiles(AccountId owner, FileFilter filter, int limit, Optional<String> after);

    /** All of a patient's available files passing {@code filter}, newest first. */
    List<RecordFile> allAvailableFiles(AccountId owner, FileFilter filter);

    void createGroup(RecordGroup group);

    /** The owner's group with this id; empty for another patient's. */
    Optional<RecordGroup> group(AccountId owner, GroupId id);

    /** The owner's groups, by name. */
    List<RecordGroup> groups(AccountId owner);

    void updateGroup(RecordGroup group);

    void deleteGroup(AccountId owner, GroupId id);

    /** What the patient's record takes: bytes of available files, and the holds of uploads in progress. */
    RecordUsage usage(AccountId owner);

    /** How {@link #reserveUpload} ended. */
    enum Reservation { RESERVED, QUOTA_EXCEEDED, TOO_MANY_PENDING }

    /**
     * Holds {@code hold.bytes()} of the patient's quota for an upload, in one atomic step on one item:
     * only if the bytes of available files, plus every hold, plus this one stay within {@code quota},
     * and fewer than {@code maxPending} holds exist. Concurrent requests cannot all squeeze under the
     * quota. Holding the same file again (a retried request) is {@code RESERVED} and changes nothing.
     */
    Reservation reserveUpload(AccountId owner, UploadHold hold, long quota, int maxPending);

    /** The upload was completed: its hold becomes usage. Nothing happens if there is no such hold. */
    void settleUpload(AccountId owner, FileId file);

    /** The upload will never complete: its hold is given back. Nothing happens if there is no such hold. */
    void releaseUpload(AccountId owner, FileId file, long bytes);

    /** Gives back the bytes of an available file (deleted). */
    void releaseBytes(AccountId owner, long bytes);
}
