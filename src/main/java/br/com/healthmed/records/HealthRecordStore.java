package br.com.healthmed.records;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.scheduling.AppointmentId;
import java.time.Duration;
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

    /**
     * Stores a new upload intent; false (and nothing changed) if a file with its id exists or existed and is
     * still remembered: the id of a retried request derived from its idempotency key.
     */
    boolean createFile(RecordFile file);

    /** The file, pending or available; empty once deleted ({@link #markDeleted}). */
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

    /**
     * The first step of deleting an available file: from now on no read sees it ({@link #file}, listings),
     * and its tombstone (the file as it was) is kept for the steps after this one, whoever finishes them:
     * the request itself, a retry of it, or the sweep once {@code sweepAt} has come ({@link #deletionsDue}).
     * False if the file was not available (already deleted, pending, or never there).
     */
    boolean markDeleted(FileId id, Instant at, Instant sweepAt);

    /** The tombstone of a file deleted by {@link #markDeleted} and not forgotten yet. */
    Optional<RecordFile> deletedFile(FileId id);

    /** Tombstones whose {@code sweepAt} is at or before {@code now}, at most {@code limit}. */
    List<RecordFile> deletionsDue(Instant now, int limit);

    /**
     * How long the store still remembers that a deleted file's bytes were given back once its tombstone is
     * forgotten: a sweep on another instance (or a {@code deleteFile} retry) may still hold the tombstone it
     * read before the forget, and must not give the bytes back a second time. Far longer than any request.
     */
    Duration RELEASE_REMEMBERED = Duration.ofDays(1);

    /**
     * Gives back the bytes of a deleted file ({@link #markDeleted}) and settles a hold its completion left
     * behind; once per file, however often it is called (a retry, the sweep, both at once, a stale copy of
     * the tombstone up to {@link #RELEASE_REMEMBERED} after it was forgotten). The bytes counted never go
     * below zero.
     */
    void releaseDeletedBytes(RecordFile deleted);

    /**
     * The last step of a deletion: the tombstone goes (its bytes must have been released, its object deleted).
     * That the bytes were released is remembered until {@link #RELEASE_REMEMBERED} after {@code now}; what
     * earlier forgets remembered past their time may be dropped now.
     */
    void forgetDeletion(RecordFile deleted, Instant now);

    /** Keeps a final scan verdict with the file, if it still exists (so the blob store is not asked again). */
    void keepScanVerdict(FileId id, ScanStatus verdict);

    /**
     * Uploads whose URL expired before {@code now} and that still need the sweep, at most {@code limit} (the
     * oldest first, within the adapter's partitions): intents never completed, and completed files whose hold
     * was never settled (a completion cut between {@link #markAvailable} and {@link #settleUpload}).
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

    /** Stores a new group; false (and nothing changed) if a group with its id exists or was deleted. */
    boolean createGroup(RecordGroup group);

    /** The owner's group with this id; empty for another patient's. */
    Optional<RecordGroup> group(AccountId owner, GroupId id);

    /** The owner's groups, by name. */
    List<RecordGroup> groups(AccountId owner);

    void updateGroup(RecordGroup group);

    /**
     * Deletes the owner's group, keeping a tombstone (when it was deleted) that {@link #groupDeletedAt} reads
     * and that the store may drop after {@code forgetAfter}. No other read sees the group any more.
     */
    void deleteGroup(AccountId owner, GroupId id, Instant at, Instant forgetAfter);

    /** When the owner's group was deleted, while its tombstone is kept; empty for another patient's group. */
    Optional<Instant> groupDeletedAt(AccountId owner, GroupId id);

    /** What the patient's record takes: bytes of available files, and the holds of uploads in progress. */
    RecordUsage usage(AccountId owner);

    /**
     * How {@link #reserveUpload} ended. {@code SPENT}: the id was a deleted file's whose release is still
     * remembered (a keyed request sent again after its file was deleted); nothing held.
     */
    enum Reservation { RESERVED, QUOTA_EXCEEDED, TOO_MANY_PENDING, SPENT }

    /**
     * Holds {@code hold.bytes()} of the patient's quota for an upload, in one atomic step on one item:
     * only if the bytes of available files, plus every hold, plus this one stay within {@code quota},
     * and fewer than {@code maxPending} holds exist. Concurrent requests cannot all squeeze under the
     * quota. Holding the same file again (a retried request) is {@code RESERVED} and changes nothing; holding
     * for the id of a deleted file is {@code SPENT} (its bytes given back already must not be held again).
     */
    Reservation reserveUpload(AccountId owner, UploadHold hold, long quota, int maxPending);

    /**
     * The upload was completed: its hold becomes usage, and the file leaves the sweep's list
     * ({@link #expiredUploads}). Nothing happens to what was settled before.
     */
    void settleUpload(AccountId owner, FileId file);

    /** The upload will never complete: its hold is given back. Nothing happens if there is no such hold. */
    void releaseUpload(AccountId owner, FileId file, long bytes);
}
