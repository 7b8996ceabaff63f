package br.com.healthmed.records;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.error.DomainException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** A patient managing their own record: listing, renaming and deleting files; groups. */
@Service
public class HealthRecords {

    private final HealthRecordStore store;
    private final BlobStore blobs;
    private final FileGuard guard;
    private final MalwareScans scans;
    private final Clock clock;

    HealthRecords(HealthRecordStore store, BlobStore blobs, FileGuard guard, MalwareScans scans, Clock clock) {
        this.store = store;
        this.blobs = blobs;
        this.guard = guard;
        this.scans = scans;
        this.clock = clock;
    }

    public Page<RecordFile> files(AccountId patient, HealthRecordStore.FileFilter filter, int first, Optional<String> after) {
        filter.group().ifPresent(group -> ownGroup(patient, group));
        return store.availableFiles(patient, filter, first, after);
    }

    public List<RecordGroup> groups(AccountId patient) {
        return store.groups(patient);
    }

    /** The patient's completed files, by id (one listing, for batched fields). */
    public Map<FileId, RecordFile> filesById(AccountId patient) {
        return store.allAvailableFiles(patient, HealthRecordStore.FileFilter.ALL).stream()
                .collect(Collectors.toMap(RecordFile::id, file -> file));
    }

    /** Each file's malware-scan status (one blob-store question per file without a final verdict). */
    public Map<RecordFile, ScanStatus> scanStatuses(List<RecordFile> files) {
        return scans.statusesOf(files);
    }

    /** The bytes the patient's completed files take. */
    public long usedBytes(AccountId patient) {
        return store.usage(patient).usedBytes();
    }

    /** The bytes held for the patient's uploads in progress (expired ones no longer count). */
    public long reservedBytes(AccountId patient) {
        return store.usage(patient).reservedBytesAt(clock.instant());
    }

    public RecordFile renameFile(Requester who, FileId id, String newName) {
        RecordFile renamed = guard.ownChangeable(who, id).renamed(FileNames.fileName(newName, "fileName"));
        store.rename(id, renamed.fileName());
        return renamed;
    }

    /**
     * Deletes the file and its bytes. The metadata goes first: were the service to stop half-way, what
     * remains is an unreachable object under a random key, never a listed file without bytes.
     */
    public void deleteFile(Requester who, FileId id) {
        RecordFile file = guard.ownChangeable(who, id);
        store.deleteFile(file.id());
        store.releaseBytes(file.owner(), file.sizeBytes());
        blobs.delete(file.objectKey());
    }

    public RecordGroup createGroup(AccountId patient, String name) {
        RecordGroup group = new RecordGroup(GroupId.random(), patient, FileNames.groupName(name, "name"), clock.instant());
        store.createGroup(group);
        return group;
    }

    public RecordGroup renameGroup(Requester who, GroupId id, String name) {
        RecordGroup renamed = ownGroup(patientOf(who), id).renamed(FileNames.groupName(name, "name"));
        store.updateGroup(renamed);
        return renamed;
    }

    /** Deletes the group; its files stay in the record (and in their other groups). */
    public void deleteGroup(Requester who, GroupId id) {
        AccountId patient = patientOf(who);
        RecordGroup group = ownGroup(patient, id);
        for (RecordFile file : store.allAvailableFiles(patient, new HealthRecordStore.FileFilter(Optional.empty(), Optional.of(id)))) {
            store.setInGroup(file.id(), id, false);
        }
        store.deleteGroup(patient, group.id());
    }

    public RecordGroup addFiles(Requester who, GroupId id, Collection<FileId> fileIds) {
        return changeMembership(who, id, fileIds, true);
    }

    public RecordGroup removeFiles(Requester who, GroupId id, Collection<FileId> fileIds) {
        return changeMembership(who, id, fileIds, false);
    }

    private RecordGroup changeMembership(Requester who, GroupId id, Collection<FileId> fileIds, boolean add) {
        RecordGroup group = ownGroup(patientOf(who), id);
        List<RecordFile> files = fileIds.stream().distinct().map(fileId -> guard.own(who, fileId)).toList();
        files.forEach(file -> store.setInGroup(file.id(), id, add));
        return group;
    }

    private RecordGroup ownGroup(AccountId patient, GroupId id) {
        return store.group(patient, id).orElseThrow(() -> DomainException.notFound("Group"));
    }

    private static AccountId patientOf(Requester who) {
        return who.account().orElseThrow(() -> DomainException.notFound("Group"));
    }
}
