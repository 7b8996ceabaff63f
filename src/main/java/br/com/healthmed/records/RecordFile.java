package br.com.healthmed.records;

import br.com.healthmed.identity.AccountId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A file of a patient's health record. It exists from {@code requestFileUpload} on, but only as an
 * upload intent ({@link #available()} false) until {@code completeFileUpload} has checked the stored
 * bytes; an intent never completed by {@link #uploadExpiresAt()} is as if it never existed.
 *
 * @param groups the owner's groups the file is in; a share of a group covers the file while it is
 * @param scan   the malware scan's verdict as last kept: only final ones are ({@link ScanStatus#isFinal()});
 *               anything else means "ask the blob store"
 */
public record RecordFile(
        FileId id,
        AccountId owner,
        String fileName,
        String contentType,
        long sizeBytes,
        FileCategory category,
        ObjectKey objectKey,
        Set<GroupId> groups,
        Instant requestedAt,
        Instant uploadExpiresAt,
        Optional<Instant> availableAt,
        ScanStatus scan) {

    public RecordFile {
        Objects.requireNonNull(id);
        Objects.requireNonNull(owner);
        Objects.requireNonNull(fileName);
        Objects.requireNonNull(contentType);
        Objects.requireNonNull(category);
        Objects.requireNonNull(objectKey);
        groups = Set.copyOf(groups);
        Objects.requireNonNull(requestedAt);
        Objects.requireNonNull(uploadExpiresAt);
        Objects.requireNonNull(availableAt);
        Objects.requireNonNull(scan);
    }

    /** A file with no scan verdict kept yet. */
    public RecordFile(FileId id, AccountId owner, String fileName, String contentType, long sizeBytes, FileCategory category,
                      ObjectKey objectKey, Set<GroupId> groups, Instant requestedAt, Instant uploadExpiresAt,
                      Optional<Instant> availableAt) {
        this(id, owner, fileName, contentType, sizeBytes, category, objectKey, groups, requestedAt, uploadExpiresAt,
                availableAt, ScanStatus.PENDING_SCAN);
    }

    public boolean available() {
        return availableAt.isPresent();
    }

    /** Listed, downloadable, shareable: completed. A pending intent is visible to its owner only until it expires. */
    public boolean visibleToOwnerAt(Instant now) {
        return available() || now.isBefore(uploadExpiresAt);
    }

    public RecordFile completedAt(Instant at) {
        return new RecordFile(id, owner, fileName, contentType, sizeBytes, category, objectKey, groups, requestedAt,
                uploadExpiresAt, Optional.of(at), scan);
    }

    public RecordFile scanned(ScanStatus verdict) {
        return new RecordFile(id, owner, fileName, contentType, sizeBytes, category, objectKey, groups, requestedAt,
                uploadExpiresAt, availableAt, verdict);
    }

    public RecordFile renamed(String newName) {
        return new RecordFile(id, owner, newName, contentType, sizeBytes, category, objectKey, groups, requestedAt,
                uploadExpiresAt, availableAt);
    }
}
