package br.com.healthmed.privacy;

import br.com.healthmed.identity.AccountId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where copies of people's data are tracked (their bytes are on the blob store). Implementations must
 * pass {@code DataExportStoreContract}.
 *
 * <p>At most one copy per account is built at a time. The commit point is one conditional write on the
 * account's "running" marker ({@link #claim}); the copy's own item is written after it. A marker whose
 * copy was never written (the process died in between) or has finished is taken over by the next
 * request ({@code over}).
 */
public interface DataExportStore {

    /** Which copy holds the account's running marker, and since when. */
    record Running(UUID exportId, Instant since) {}

    Optional<Running> running(AccountId account);

    /**
     * Puts the account's running marker on {@code exportId}, atomically: only if there is none, or it
     * names {@code over} (a marker found stale). True when the marker is now this copy's (also when it
     * already was: a retried write); false when another copy holds it.
     */
    boolean claim(AccountId account, UUID exportId, Optional<UUID> over, Instant now);

    /** Removes the marker if it still names {@code exportId}; nothing otherwise. */
    void release(AccountId account, UUID exportId);

    /** Stores a new copy's item (PENDING); storing the same copy again changes nothing. */
    void create(DataExport export);

    Optional<DataExport> find(UUID id);

    /** Counts one more build of a PENDING copy; returns the count now, or empty if it is not pending. */
    Optional<Integer> startAttempt(UUID id);

    /** PENDING → READY (with when, until when, size), only if still PENDING. True when it is READY now by this call. */
    boolean markReady(UUID id, Instant readyAt, Instant expiresAt, long sizeBytes);

    /** PENDING → FAILED, only if still PENDING. */
    boolean markFailed(UUID id);

    /** PENDING copies requested before {@code before}, oldest first, at most {@code limit}: the sweep builds them again. */
    List<DataExport> pendingSince(Instant before, int limit);

    /** READY copies whose expiry is before {@code now}, whose bytes are still to delete, at most {@code limit}. */
    List<DataExport> expiredBy(Instant now, int limit);

    /** Notes that an expired copy's bytes are deleted: it leaves {@link #expiredBy}. */
    void markDeleted(UUID id);
}
