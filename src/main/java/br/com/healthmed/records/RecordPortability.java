package br.com.healthmed.records;

import br.com.healthmed.identity.AccountId;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/**
 * The record as its owner takes it away or leaves it: everything the record holds about a patient for a
 * copy of their data (LGPD art. 18 II and V, art. 19), the files' bytes among it, and the end of every
 * share when the patient deactivates the account. The copy's request and each of its downloads are
 * entries of the access log, like any other access to the record.
 */
@Service
@NamedInterface("api")
public class RecordPortability {

    private static final int PAGE = 100;

    private final HealthRecordStore store;
    private final BlobStore blobs;
    private final Sharing sharing;
    private final AccessLogReader accessLog;
    private final AccessAudit audit;
    private final MalwareScans scans;

    RecordPortability(HealthRecordStore store, BlobStore blobs, Sharing sharing, AccessLogReader accessLog, AccessAudit audit,
                      MalwareScans scans) {
        this.store = store;
        this.blobs = blobs;
        this.sharing = sharing;
        this.accessLog = accessLog;
        this.audit = audit;
        this.scans = scans;
    }

    /**
     * Everything the record holds about the patient: completed files (with their scan status), groups,
     * shares (ended ones too) and the whole access log, newest first.
     */
    public record Snapshot(List<RecordFile> files, Map<RecordFile, ScanStatus> scans, List<RecordGroup> groups,
                           List<Grant> shares, List<ReadableEntry> accessLog) {}

    public Snapshot snapshotOf(AccountId patient) {
        List<RecordFile> files = store.allAvailableFiles(patient, HealthRecordStore.FileFilter.ALL);
        List<ReadableEntry> entries = new ArrayList<>();
        Optional<String> after = Optional.empty();
        do {
            Page<ReadableEntry> page = accessLog.entries(patient, PAGE, after);
            entries.addAll(page.items());
            after = page.next();
        } while (after.isPresent());
        return new Snapshot(files, scans.statusesOf(files), store.groups(patient), sharing.sharesOf(patient, Optional.empty()),
                entries);
    }

    /**
     * The bytes of a file of the snapshot (close the stream), if it is served at all: a file found
     * malicious, or not yet or never scanned, is listed in the copy but its bytes are not in it.
     */
    public Optional<InputStream> contentOf(RecordFile file, ScanStatus status) {
        return status == ScanStatus.CLEAN ? blobs.read(file.objectKey()) : Optional.empty();
    }

    /** Ends every active share of the patient at once (each revocation logged as usual); how many ended. */
    public int revokeAllShares(Requester patient) {
        AccountId owner = patient.account().orElseThrow();
        List<Grant> active = sharing.sharesOf(owner, Optional.of(true));
        active.forEach(grant -> sharing.revoke(patient, grant.id()));
        return active.size();
    }

    /** The patient asked for a copy of their data: an entry of their access log. */
    public void exportRequested(Requester patient) {
        audit.exportRequested(patient, patient.account().orElseThrow());
    }

    /** A download URL of the copy was issued to the patient: an entry of their access log. */
    public void exportDownloaded(Requester patient) {
        audit.exportDownloaded(patient, patient.account().orElseThrow());
    }
}
