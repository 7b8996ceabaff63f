package br.com.healthmed.records.store;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.records.FileId;
import br.com.healthmed.records.GroupId;
import br.com.healthmed.records.HealthRecordStore;
import br.com.healthmed.records.Page;
import br.com.healthmed.platform.storage.TimePositions;
import br.com.healthmed.records.RecordFile;
import br.com.healthmed.records.RecordGroup;
import br.com.healthmed.records.RecordNotice;
import br.com.healthmed.records.RecordUsage;
import br.com.healthmed.records.ScanStatus;
import br.com.healthmed.records.UploadHold;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** File metadata, groups and usage in memory: the embedded default. */
class InMemoryHealthRecordStore implements HealthRecordStore {

    private final Map<FileId, RecordFile> files = new ConcurrentHashMap<>();
    private final Map<GroupId, RecordGroup> groups = new ConcurrentHashMap<>();
    private final Map<AccountId, Usage> usages = new ConcurrentHashMap<>();
    /** Tombstones of deleted files ({@link #markDeleted}), with when the sweep is to finish them. */
    private final Map<FileId, Tombstone> deletedFiles = new ConcurrentHashMap<>();
    private final Map<GroupId, RecordGroup> deletedGroups = new ConcurrentHashMap<>();
    private final Map<GroupId, Instant> groupsDeletedAt = new ConcurrentHashMap<>();
    /** Completed files whose hold is not settled yet: the sweep's to finish (see expiredUploads). */
    private final Set<FileId> unsettled = ConcurrentHashMap.newKeySet();

    private record Tombstone(RecordFile file, Instant sweepAt) {}
    private final InMemoryRecordNotices notices;

    InMemoryHealthRecordStore() {
        this(new InMemoryRecordNotices());
    }

    InMemoryHealthRecordStore(InMemoryRecordNotices notices) {
        this.notices = notices;
    }

    @Override
    public synchronized boolean createFile(RecordFile file) {
        return !deletedFiles.containsKey(file.id()) && files.putIfAbsent(file.id(), file) == null;
    }

    @Override
    public Optional<RecordFile> file(FileId id) {
        return Optional.ofNullable(files.get(id));
    }

    @Override
    public boolean markAvailable(RecordFile pending, Instant at, Optional<RecordNotice> notice) {
        boolean[] marked = {false};
        files.computeIfPresent(pending.id(), (key, file) -> {
            if (file.available()) {
                return file;
            }
            marked[0] = true;
            notice.ifPresent(notices::add);
            if (!file.isIssued()) {
                unsettled.add(file.id()); // until its hold is settled
            }
            return file.completedAt(at);
        });
        return marked[0];
    }

    @Override
    public void rename(FileId id, String fileName) {
        files.computeIfPresent(id, (key, file) -> file.renamed(fileName));
    }

    @Override
    public void setInGroup(FileId id, GroupId group, boolean member) {
        files.computeIfPresent(id, (key, file) -> {
            Set<GroupId> memberOf = new HashSet<>(file.groups());
            if (member) {
                memberOf.add(group);
            } else {
                memberOf.remove(group);
            }
            return file.inGroups(memberOf);
        });
    }

    @Override
    public synchronized boolean markDeleted(FileId id, Instant at, Instant sweepAt) {
        RecordFile file = files.get(id);
        if (file == null || !file.available()) {
            return false;
        }
        deletedFiles.put(id, new Tombstone(file, sweepAt));
        files.remove(id);
        return true;
    }

    @Override
    public Optional<RecordFile> deletedFile(FileId id) {
        return Optional.ofNullable(deletedFiles.get(id)).map(Tombstone::file);
    }

    @Override
    public List<RecordFile> deletionsDue(Instant now, int limit) {
        return deletedFiles.values().stream().filter(tombstone -> !now.isBefore(tombstone.sweepAt()))
                .sorted(Comparator.comparing(Tombstone::sweepAt)).limit(limit).map(Tombstone::file).toList();
    }

    @Override
    public void releaseDeletedBytes(RecordFile deleted) {
        settleUpload(deleted.owner(), deleted.id());
        usages.compute(deleted.owner(), (id, current) -> {
            Usage usage = current == null ? Usage.NONE : current;
            return usage.released().containsKey(deleted.id()) ? usage : usage.releasing(deleted.id(), deleted.sizeBytes());
        });
    }

    @Override
    public void forgetDeletion(RecordFile deleted, Instant now) {
        deletedFiles.remove(deleted.id());
        usages.compute(deleted.owner(), (id, current) ->
                (current == null ? Usage.NONE : current).forgetting(deleted.id(), now.plus(RELEASE_REMEMBERED), now));
    }

    @Override
    public void keepScanVerdict(FileId id, ScanStatus verdict) {
        files.computeIfPresent(id, (key, file) -> file.scanned(verdict));
    }

    @Override
    public List<RecordFile> expiredUploads(Instant now, int limit) {
        return files.values().stream().filter(file -> (!file.available() || unsettled.contains(file.id()))
                        && !now.isBefore(file.uploadExpiresAt()))
                .sorted(Comparator.comparing(RecordFile::uploadExpiresAt)).limit(limit).toList();
    }

    @Override
    public boolean deleteIfPending(FileId id) {
        boolean[] deleted = {false};
        files.computeIfPresent(id, (key, file) -> {
            if (file.available()) {
                return file;
            }
            deleted[0] = true;
            return null;
        });
        return deleted[0];
    }

    @Override
    public Page<RecordFile> availableFiles(AccountId owner, FileFilter filter, int limit, Optional<String> after) {
        List<RecordFile> matching = allAvailableFiles(owner, filter).stream()
                .filter(file -> after.map(position -> position(file).compareTo(position) < 0).orElse(true))
                .toList();
        List<RecordFile> page = matching.stream().limit(limit).toList();
        return new Page<>(page, matching.size() > limit ? Optional.of(position(page.get(page.size() - 1))) : Optional.empty());
    }

    @Override
    public List<RecordFile> allAvailableFiles(AccountId owner, FileFilter filter) {
        return files.values().stream()
                .filter(file -> file.owner().equals(owner) && file.available() && filter.accepts(file))
                .sorted(Comparator.comparing(InMemoryHealthRecordStore::position).reversed())
                .toList();
    }

    @Override
    public synchronized boolean createGroup(RecordGroup group) {
        return !groupsDeletedAt.containsKey(group.id()) && groups.putIfAbsent(group.id(), group) == null;
    }

    @Override
    public Optional<RecordGroup> group(AccountId owner, GroupId id) {
        return Optional.ofNullable(groups.get(id)).filter(group -> group.owner().equals(owner));
    }

    @Override
    public List<RecordGroup> groups(AccountId owner) {
        return groups.values().stream().filter(group -> group.owner().equals(owner))
                .sorted(Comparator.comparing(RecordGroup::name, String.CASE_INSENSITIVE_ORDER).thenComparing(g -> g.id().value()))
                .toList();
    }

    @Override
    public void updateGroup(RecordGroup group) {
        groups.computeIfPresent(group.id(), (id, existing) -> existing.owner().equals(group.owner()) ? group : existing);
    }

    @Override
    public synchronized void deleteGroup(AccountId owner, GroupId id, Instant at, Instant forgetAfter) {
        RecordGroup group = groups.get(id);
        if (group != null && group.owner().equals(owner)) {
            groups.remove(id);
            deletedGroups.put(id, group);
            groupsDeletedAt.put(id, at); // kept: the embedded store lives as long as the process
        }
    }

    @Override
    public Optional<Instant> groupDeletedAt(AccountId owner, GroupId id) {
        return Optional.ofNullable(deletedGroups.get(id)).filter(group -> group.owner().equals(owner))
                .map(group -> groupsDeletedAt.get(id));
    }

    @Override
    public RecordUsage usage(AccountId owner) {
        Usage usage = usages.getOrDefault(owner, Usage.NONE);
        return new RecordUsage(Math.max(0, usage.claimed() - usage.held()), List.copyOf(usage.holds().values()));
    }

    @Override
    public Reservation reserveUpload(AccountId owner, UploadHold hold, long quota, int maxPending) {
        Reservation[] outcome = {Reservation.RESERVED};
        usages.compute(owner, (id, current) -> {
            Usage usage = current == null ? Usage.NONE : current;
            if (usage.holds().containsKey(hold.file())) {
                return usage;
            }
            if (usage.released().containsKey(hold.file())) {
                outcome[0] = Reservation.SPENT;
                return usage;
            }
            if (usage.holds().size() >= maxPending) {
                outcome[0] = Reservation.TOO_MANY_PENDING;
                return usage;
            }
            if (usage.claimed() + hold.bytes() > quota) {
                outcome[0] = Reservation.QUOTA_EXCEEDED;
                return usage;
            }
            Map<FileId, UploadHold> holds = new HashMap<>(usage.holds());
            holds.put(hold.file(), hold);
            return new Usage(usage.claimed() + hold.bytes(), holds, usage.released());
        });
        return outcome[0];
    }

    @Override
    public void settleUpload(AccountId owner, FileId file) {
        usages.computeIfPresent(owner, (id, usage) -> usage.holds().containsKey(file) ? usage.without(file, 0) : usage);
        unsettled.remove(file);
    }

    @Override
    public void releaseUpload(AccountId owner, FileId file, long bytes) {
        usages.computeIfPresent(owner, (id, usage) -> usage.holds().containsKey(file) ? usage.without(file, bytes) : usage);
    }

    /**
     * {@code claimed}: the bytes of available files plus every hold, the number the quota is checked against;
     * {@code released}: deleted files whose bytes were given back, each with until when that is remembered
     * ({@link Instant#MAX} while the tombstone is there; {@link #RELEASE_REMEMBERED} after its forget).
     */
    private record Usage(long claimed, Map<FileId, UploadHold> holds, Map<FileId, Instant> released) {

        static final Usage NONE = new Usage(0, Map.of(), Map.of());

        Usage releasing(FileId file, long bytes) {
            Map<FileId, Instant> done = new HashMap<>(released);
            done.put(file, Instant.MAX);
            return new Usage(Math.max(0, claimed - bytes), holds, done);
        }

        /** Remembers the release of {@code file} until {@code until}; drops what is remembered past its time. */
        Usage forgetting(FileId file, Instant until, Instant now) {
            Map<FileId, Instant> done = new HashMap<>(released);
            done.put(file, until);
            done.values().removeIf(kept -> kept.isBefore(now));
            return new Usage(claimed, holds, done);
        }

        long held() {
            return holds.values().stream().mapToLong(UploadHold::bytes).sum();
        }

        /** Without the hold of {@code file}, giving {@code released} bytes back. */
        Usage without(FileId file, long released) {
            Map<FileId, UploadHold> rest = new HashMap<>(holds);
            rest.remove(file);
            return new Usage(Math.max(0, claimed - released), rest, this.released);
        }
    }

    private static String position(RecordFile file) {
        return TimePositions.of(file.availableAt().orElseThrow(), file.id().value());
    }
}
