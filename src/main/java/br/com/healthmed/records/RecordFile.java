package br.com.healthmed.records;

import br.com.healthmed.identity.AccountId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.modulith.NamedInterface;

/**
 * A file of a patient's health record. It exists from {@code requestFileUpload} on, but only as an
 * upload intent ({@link #available()} false) until {@code completeFileUpload} has checked the stored
 * bytes; an intent never completed by {@link #uploadExpiresAt()} is as if it never existed.
 *
 * @param groups the owner's groups the file is in; a share of a group covers the file while it is
 * @param scan   the malware scan's verdict as last kept: only final ones are ({@link ScanStatus#isFinal()});
 *               anything else means "ask the blob store"
 * @param issued for a document a doctor issued into the record (a prescription, a certificate...): who, for
 *               which consultation, what it is; empty for the patient's own files. Issued documents are
 *               part of the clinical record: the patient can neither rename nor delete them
 */
@NamedInterface("api")
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
        ScanStatus scan,
        Optional<IssuedBy> issued) {

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
        Objects.requireNonNull(issued);
    }

    /** A patient's own file. */
    public RecordFile(FileId id, AccountId owner, String fileName, String contentType, long sizeBytes, FileCategory category,
                      ObjectKey objectKey, Set<GroupId> groups, Instant requestedAt, Instant uploadExpiresAt,
                      Optional<Instant> availableAt, ScanStatus scan) {
        this(id, owner, fileName, contentType, sizeBytes, category, objectKey, groups, requestedAt, uploadExpiresAt,
                availableAt, scan, Optional.empty());
    }

    /** A file with no scan verdict kept yet. */
    public RecordFile(FileId id, AccountId owner, String fileName, String contentType, long sizeBytes, FileCategory category,
                      ObjectKey objectKey, Set<GroupId> groups, Instant requestedAt, Instant uploadExpiresAt,
                      Optional<Instant> availableAt) {
        this(id, owner, fileName, contentType, sizeBytes, category, objectKey, groups, requestedAt, uploadExpiresAt,
                availableAt, ScanStatus.PENDING_SCAN, Optional.empty());
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
                uploadExpiresAt, Optional.of(at), scan, issued);
    }

    public RecordFile scanned(ScanStatus verdict) {
        return new RecordFile(id, owner, fileName, contentType, sizeBytes, category, objectKey, groups, requestedAt,
                uploadExpiresAt, availableAt, verdict, issued);
    }

    public RecordFile renamed(String newName) {
        return new RecordFile(id, owner, newName, contentType, sizeBytes, category, objectKey, groups, requestedAt,
                uploadExpiresAt, availableAt, scan, issued);
    }

    public RecordFile inGroups(Set<GroupId> memberOf) {
        return new RecordFile(id, owner, fileName, contentType, sizeBytes, category, objectKey, memberOf, requestedAt,
                uploadExpiresAt, availableAt, scan, issued);
    }

    /** Whether a doctor issued it (a document of the clinical record) rather than the patient uploading it. */
    public boolean isIssued() {
        return issued.isPresent();
    }

    /** Whether {@code doctor} issued it. */
    public boolean issuedBy(AccountId doctor) {
        return issued.filter(by -> by.doctor().equals(doctor)).isPresent();
    }
}
