package br.com.healthmed.records;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.IdempotencyKeys;
import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.PlatformErrors;
import java.time.Clock;
import java.time.Instant;
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
    private final FileGuard guard;
    private final MalwareScans scans;
    private final FileDeletions deletions;
    private final RecordsProperties properties;
    private final Clock clock;

    HealthRecords(HealthRecordStore store, FileGuard guard, MalwareScans scans, FileDeletions deletions,
                  RecordsProperties properties, Clock clock) {
        this.store = store;
        this.guard = guard;
        this.scans = scans;
        this.deletions = deletions;
        this.properties = properties;
        this.clock = clock;
    }

    public Page<RecordFile> files(AccountId patient, HealthRecordStore.FileFilter filter, int first, Optional<String> after) {
        filter.group().ifPresent(group -> ownGroup(patient, group));
        return store.availableFiles(patient, filter, first, after);
    }

    public List<RecordGroup> groups(AccountId patient) {
        return store.groups(patient);
    }

    /** One of the patient's completed files (as listed in {@link #files}); empty for anyone else's. */
    public Optional<RecordFile> file(AccountId patient, FileId id) {
        return store.file(id).filter(file -> file.owner().equals(patient) && file.available());
    }

    /** One of the patient's groups; empty for anyone else's. */
    public Optional<RecordGroup> group(AccountId patient, GroupId id) {
        return store.group(patient, id);
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
     * Deletes the file and its bytes ({@link FileDeletions}). Safe to retry: the caller's own file deleted
     * within the retry window answers as deleted again (finishing what a cut request left), while anyone
     * else's file, or one never there, stays NOT_FOUND.
     */
    public void deleteFile(Requester who, FileId id) {
        Optional<RecordFile> deletedBefore = store.deletedFile(id).filter(file -> who.is(file.owner()));
        if (deletedBefore.isPresent()) {
            deletions.finish(deletedBefore.get());
            return;
        }
        deletions.delete(guard.ownChangeable(who, id));
    }

    public RecordGroup createGroup(AccountId patient, String name) {
        return createGroup(patient, name, Optional.empty());
    }

    /**
     * Creates a group. With an idempotency key, its id is derived from the patient and the key, so a retry
     * (even one racing the first attempt) answers the same group; the same key with another name is
     * {@code IDEMPOTENCY_KEY_REUSED}, and so is a retry of a group deleted since.
     */
    public RecordGroup createGroup(AccountId patient, String name, Optional<String> idempotencyKey) {
        String groupName = FileNames.groupName(name, "name");
        GroupId id = idempotencyKey.map(key -> new GroupId(IdempotencyKeys.derivedId(patient, "recordGroup", key)))
                .orElseGet(GroupId::random);
        if (idempotencyKey.isPresent()) {
            Optional<RecordGroup> earlier = store.group(patient, id);
            if (earlier.isPresent()) {
                return sameGroupAgain(earlier.get(), groupName);
            }
        }
        RecordGroup group = new RecordGroup(id, patient, groupName, clock.instant());
        if (!store.createGroup(group)) {
            return sameGroupAgain(store.group(patient, id).orElseThrow(HealthRecords::keyReused), groupName);
        }
        return group;
    }

    private static RecordGroup sameGroupAgain(RecordGroup earlier, String name) {
        if (!earlier.name().equals(name)) {
            throw keyReused();
        }
        return earlier;
    }

    private static DomainException keyReused() {
        return DomainException.invalid(PlatformErrors.IDEMPOTENCY_KEY_REUSED, "idempotencyKey",
                "This idempotency key was already used for another request; use a new key for a new one.");
    }

    public RecordGroup renameGroup(Requester who, GroupId id, String name) {
        RecordGroup renamed = ownGroup(patientOf(who), id).renamed(FileNames.groupName(name, "name"));
        store.updateGroup(renamed);
        return renamed;
    }

    /**
     * Deletes the group; its files stay in the record (and in their other groups). Its files leave it
     * first, so a share of the group covers nothing even if the group outlived a cut request. Safe to
     * retry: the caller's own group deleted within the retry window answers as deleted again.
     */
    public void deleteGroup(Requester who, GroupId id) {
        AccountId patient = patientOf(who);
        Optional<RecordGroup> group = store.group(patient, id);
        if (group.isEmpty()) {
            Instant now = clock.instant();
            store.groupDeletedAt(patient, id).filter(at -> at.plus(properties.retryWindow()).isAfter(now))
                    .orElseThrow(() -> DomainException.notFound("Group"));
            return;
        }
        for (RecordFile file : store.allAvailableFiles(patient, new HealthRecordStore.FileFilter(Optional.empty(), Optional.of(id)))) {
            store.setInGroup(file.id(), id, false);
        }
        Instant now = clock.instant();
        store.deleteGroup(patient, id, now, now.plus(properties.retryWindow()));
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
