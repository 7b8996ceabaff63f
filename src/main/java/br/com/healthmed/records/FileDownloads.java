package br.com.healthmed.records;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.security.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Download URLs, for the file's owner, the doctor who issued it (an issued document), or a doctor holding an active grant that covers the file at
 * this moment, once the file was found clean of malware ({@link MalwareScans}). Everyone else gets {@code NOT_FOUND}, and the attempt is logged for the owner (see
 * {@link FileGuard#refused} for the flood control).
 */
@Service
public class FileDownloads {

    private final HealthRecordStore records;
    private final GrantStore grants;
    private final BlobStore blobs;
    private final Sharing sharing;
    private final AccessAudit audit;
    private final FileGuard guard;
    private final MalwareScans scans;
    private final RecordsProperties properties;
    private final Clock clock;

    FileDownloads(HealthRecordStore records, GrantStore grants, BlobStore blobs, Sharing sharing, AccessAudit audit,
                  FileGuard guard, MalwareScans scans, RecordsProperties properties, Clock clock) {
        this.records = records;
        this.grants = grants;
        this.blobs = blobs;
        this.sharing = sharing;
        this.audit = audit;
        this.guard = guard;
        this.scans = scans;
        this.properties = properties;
        this.clock = clock;
    }

    public DownloadLink download(Requester who, FileId id) {
        Optional<RecordFile> found = records.file(id).filter(RecordFile::available);
        if (found.isEmpty()) {
            throw guard.refused(who, Optional.empty());
        }
        RecordFile file = found.get();
        Optional<Grant> under = Optional.empty();
        if (!who.is(file.owner()) && !who.account().filter(file::issuedBy).isPresent()) {
            under = grantFor(who, file);
            if (under.isEmpty()) {
                throw guard.refused(who, found);
            }
        }
        scans.requireClean(file);
        BlobStore.PresignedDownload url = blobs.presignDownload(file.objectKey(), file.contentType(),
                ContentDispositions.attachment(file.fileName()), properties.downloadUrlTtl());
        Optional<String> shareName = under.map(grant -> ShareNames.via(grant.scope(), file, sharing.groupsOf(file.owner())));
        audit.downloadIssued(who, file, under, shareName);
        return new DownloadLink(url.url(), url.expiresAt(), file.fileName());
    }

    /** The active grant (the longest-lasting, if several) that lets this doctor open the file now. */
    private Optional<Grant> grantFor(Requester who, RecordFile file) {
        if (!who.isA(Role.DOCTOR)) {
            return Optional.empty();
        }
        AccountId doctor = who.account().orElseThrow();
        Instant now = clock.instant();
        return grants.grantsBetween(file.owner(), doctor).stream()
                .filter(grant -> grant.lets(doctor, file, now))
                .max(Comparator.comparing(Grant::expiresAt));
    }
}
