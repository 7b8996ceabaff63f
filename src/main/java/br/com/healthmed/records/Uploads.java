package br.com.healthmed.records;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.IdempotencyKeys;
import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.PlatformErrors;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Uploads in two steps. {@link #request} checks type, size and quota, stores an upload intent and
 * returns a presigned PUT URL bound to the content type and length; the client sends the bytes
 * straight to storage. {@link #complete} then inspects what was stored (size, type, first bytes)
 * and only then makes the file available. An intent never completed simply expires. From request to
 * completion the file's bytes are held against the patient's quota ({@link UploadQuota}). Documents
 * doctors issue into a patient's record take the same path ({@link #requestIssued}), so they get the
 * same checks: size, declared type against the stored bytes' first bytes, encryption at rest, and the
 * malware scan before anyone opens them.
 */
@Service
public class Uploads {

    private final HealthRecordStore store;
    private final BlobStore blobs;
    private final FileGuard guard;
    private final AccessAudit audit;
    private final UploadQuota quota;
    private final RecordsProperties properties;
    private final ConsultationAccess consultations;
    private final ClinicalRecordRelay relay;
    private final Clock clock;

    /** Documents doctors issue are PDF only. */
    static final String ISSUED_TYPE = "application/pdf";

    Uploads(HealthRecordStore store, BlobStore blobs, FileGuard guard, AccessAudit audit, UploadQuota quota,
            RecordsProperties properties, ConsultationAccess consultations, ClinicalRecordRelay relay, Clock clock) {
        this.consultations = consultations;
        this.relay = relay;
        this.store = store;
        this.blobs = blobs;
        this.guard = guard;
        this.audit = audit;
        this.quota = quota;
        this.properties = properties;
        this.clock = clock;
    }

    public UploadTicket request(AccountId patient, NewUpload upload) {
        return request(patient, upload, Optional.empty());
    }

    /**
     * Starts an upload. With an idempotency key, the file's id is derived from the patient and the key: a
     * retry with the same input answers the same file with a URL valid until the same instant, holding the
     * bytes once ({@link HealthRecordStore#reserveUpload} is per file); the same key with other input, or
     * once the first URL has expired, is {@code IDEMPOTENCY_KEY_REUSED}.
     */
    public UploadTicket request(AccountId patient, NewUpload upload, Optional<String> idempotencyKey) {
        String fileName = FileNames.fileName(upload.fileName(), "input.fileName");
        String contentType = contentType(upload.contentType());
        checkSize(upload.sizeBytes());
        FileId id = idempotencyKey.map(key -> new FileId(IdempotencyKeys.derivedId(patient, "upload", key))).orElseGet(FileId::random);
        Optional<RecordFile> earlier = idempotencyKey.flatMap(key -> store.file(id));
        if (earlier.isPresent()) {
            return sameUploadAgain(earlier.get(), fileName, contentType, upload);
        }
        if (idempotencyKey.isPresent() && store.deletedFile(id).isPresent()) {
            throw keyReused(); // its file was completed and deleted since: nothing to hold, nothing to make again
        }
        Set<GroupId> groups = new HashSet<>();
        for (GroupId group : upload.groups()) {
            groups.add(store.group(patient, group).orElseThrow(() -> DomainException.notFound("Group")).id());
        }
        Instant now = clock.instant();
        RecordFile intent = new RecordFile(id, patient, fileName, contentType, upload.sizeBytes(),
                upload.category(), ObjectKey.random(), groups, now, now.plus(properties.uploadUrlTtl()), Optional.empty());
        // The hold first: an intent never exists without its bytes held. A hold left without an intent
        // (a failure right after it) is given back once it expires (UploadQuota.reconcile).
        quota.hold(patient, new UploadHold(intent.id(), intent.sizeBytes(), intent.uploadExpiresAt()));
        if (!store.createFile(intent)) {
            Optional<RecordFile> twin = store.file(id);
            if (twin.isEmpty()) {
                // its file was deleted meanwhile (a tombstone refused the intent): the hold is this request's alone
                store.releaseUpload(patient, id, intent.sizeBytes());
                throw keyReused();
            }
            // a twin of this request won the race (its hold is the same one): answer as it did
            return sameUploadAgain(twin.get(), fileName, contentType, upload);
        }
        return ticketFor(intent, properties.uploadUrlTtl());
    }

    /**
     * A retried request: the earlier attempt's file, if it asked for the same upload and its URL still holds.
     * Never a new PUT URL for a completed file: its bytes were checked, and a PUT now would replace them unchecked.
     */
    private UploadTicket sameUploadAgain(RecordFile earlier, String fileName, String contentType, NewUpload upload) {
        Duration left = Duration.between(clock.instant(), earlier.uploadExpiresAt());
        boolean same = earlier.fileName().equals(fileName) && earlier.contentType().equals(contentType)
                && earlier.sizeBytes() == upload.sizeBytes() && earlier.category() == upload.category()
                && earlier.groups().equals(Set.copyOf(upload.groups()));
        if (same && earlier.available()) {
            throw new DomainException(RecordsErrors.UPLOAD_ALREADY_COMPLETED, "This upload was completed already; the file is in your record.",
                    Map.of("fileId", br.com.healthmed.platform.graphql.GlobalId.encode("RecordFile", earlier.id())));
        }
        if (!same || left.isNegative() || left.isZero()) {
            throw keyReused();
        }
        return ticketFor(earlier, left);
    }

    static DomainException keyReused() {
        return DomainException.invalid(PlatformErrors.IDEMPOTENCY_KEY_REUSED, "idempotencyKey",
                "This idempotency key was already used for another upload (other input, its URL has expired, or its file was deleted); use a new key.");
    }

    /**
     * Starts the upload of a document a doctor issues into {@code patient}'s record for a consultation:
     * the same intent, presigned URL and completion checks as the patient's own files, PDF only. It holds
     * nothing against the patient's quota: the patient cannot delete it, so it must not be able to fill
     * their record ({@link IssuedDocuments} bounds what a doctor may issue).
     */
    UploadTicket requestIssued(AccountId patient, IssuedBy issuer, String rawFileName, long sizeBytes) {
        String fileName = FileNames.fileName(rawFileName, "input.fileName");
        checkSize(sizeBytes);
        Instant now = clock.instant();
        return start(new RecordFile(FileId.random(), patient, fileName, ISSUED_TYPE, sizeBytes, issuer.kind().category(),
                ObjectKey.random(), Set.of(), now, now.plus(properties.uploadUrlTtl()), Optional.empty(), ScanStatus.PENDING_SCAN,
                Optional.of(issuer)));
    }

    private UploadTicket start(RecordFile intent) {
        store.createFile(intent);
        return ticketFor(intent, properties.uploadUrlTtl());
    }

    private UploadTicket ticketFor(RecordFile intent, Duration validFor) {
        BlobStore.PresignedUpload url = blobs.presignUpload(intent.objectKey(), intent.contentType(), intent.sizeBytes(), validFor);
        return new UploadTicket(intent.id(), url.url(), url.headers(), url.expiresAt());
    }

    private void checkSize(long sizeBytes) {
        long maxBytes = properties.maxFileSize().toBytes();
        if (sizeBytes < 1) {
            throw DomainException.invalid(PlatformErrors.BAD_USER_INPUT, "input.sizeBytes", "A file has at least 1 byte.");
        }
        if (sizeBytes > maxBytes) {
            throw new DomainException(RecordsErrors.FILE_TOO_LARGE, "A file may have at most " + maxBytes + " bytes.",
                    Map.of("field", "input.sizeBytes", "maxBytes", maxBytes));
        }
    }

    public RecordFile complete(Requester who, FileId id) {
        RecordFile file = guard.uploadedBy(who, id);
        if (file.available()) {
            // A retried call: settles what a completion cut short left held, and logs what it did not log
            // (both once, whoever did them first).
            return finished(who, file);
        }
        BlobStore.StoredBlob stored = blobs.head(file.objectKey()).orElseThrow(() -> new DomainException(
                RecordsErrors.UPLOAD_INCOMPLETE, "Nothing has been uploaded for this file yet: PUT the bytes to the upload URL first."));
        if (stored.sizeBytes() != file.sizeBytes() || !sameType(stored.contentType(), file.contentType())
                || !FileSignatures.matches(file.contentType(), blobs.firstBytes(file.objectKey(), FileSignatures.BYTES_NEEDED))) {
            discard(file);
            throw new DomainException(RecordsErrors.UPLOAD_MISMATCH, "The uploaded bytes are not a " + file.contentType()
                    + " file of " + file.sizeBytes() + " bytes; the upload was discarded. Request a new upload.");
        }
        // Available first, then the hold settled: were the service to stop in between, the hold (whose
        // bytes already count against the quota) is settled by a retry of this call or by the sweep (the
        // file stays on its list until settled), never lost; the reverse order could count a file that
        // never became available.
        Instant now = audit.nextInstant(); // the upload's entry is at its completion: in the log's order
        RecordFile completed = file.completedAt(now);
        // An issued document's notice (the patient is told) is stored by the completing write itself.
        Optional<RecordNotice> notice = completed.issued().map(by -> new RecordNotice(
                ClinicalRecordEvent.of(completed, consultations.startOf(by.doctor(), by.appointment())), 0, relay.firstSweepAfter(now)));
        if (!store.markAvailable(file, now, notice)) {
            // completed by a concurrent call, or expired and swept meanwhile
            return finished(who, store.file(id).filter(RecordFile::available).orElseThrow(FileGuard::notFound));
        }
        notice.ifPresent(relay::soon);
        return finished(who, completed);
    }

    /**
     * What follows a completion, safe to repeat: the hold settled into usage and the upload's entry in the
     * access log (its key derived from the file's, so written once). Done by the completing call, and again by
     * any call that finds the file completed, since the one that completed it may have stopped before these.
     */
    private RecordFile finished(Requester who, RecordFile completed) {
        if (completed.isIssued()) {
            audit.documentIssued(who, completed);
        } else {
            // logged before settling: the sweep finds a completed file only until it is settled, so an entry
            // cut after the settle could never be written by it
            audit.uploaded(who, completed);
            quota.settle(completed);
        }
        return completed;
    }

    /**
     * Abandons an upload in progress: its intent, any bytes already PUT and the quota it held go at
     * once. False if the file was completed meanwhile (delete it instead); once cancelled it is NOT_FOUND.
     */
    public boolean cancel(Requester who, FileId id) {
        RecordFile file = guard.uploadedBy(who, id);
        if (file.available()) {
            return false;
        }
        quota.abandon(file);
        return true;
    }

    private void discard(RecordFile file) {
        quota.abandon(file);
    }

    /** The media type without parameters, in lower case; refused unless it is an allowed one. */
    private String contentType(String raw) {
        String type = raw == null ? "" : raw.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!properties.allowedContentTypes().contains(type)) {
            throw new DomainException(RecordsErrors.UNSUPPORTED_FILE_TYPE, "Files of type '" + truncated(type)
                    + "' are not accepted; allowed: " + String.join(", ", properties.allowedContentTypes()) + ".",
                    Map.of("field", "input.contentType", "allowed", properties.allowedContentTypes()));
        }
        return type;
    }

    private static boolean sameType(String stored, String declared) {
        return stored != null && stored.split(";", 2)[0].strip().equalsIgnoreCase(declared);
    }

    private static String truncated(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
