package br.com.healthmed.records.store;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.records.FileId;
import br.com.healthmed.records.GroupId;
import br.com.healthmed.records.HealthRecordStore;
import br.com.healthmed.records.Page;
import br.com.healthmed.records.Positions;
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
    private final InMemoryRecordNotices notices;

    InMemoryHealthRecordStore() {
        this(new InMemoryRecordNotices());
    }

    InMemoryHealthRecordStore(InMemoryRecordNotices notices) {
        this.notices = notices;
    }

    @Override
    public void createFile(RecordFile file) {
        if (files.putIfAbsent(file.id(), file) != null) {
            throw new IllegalStateException("File " + file.id() + " exists");
        }
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
    public void deleteFile(FileId id) {
        files.remove(id);
    }

    @Override
    public void keepScanVerdict(FileId id, ScanStatus verdict) {
        files.computeIfPresent(id, (key, file) -> file.scanned(verdict));
    }

    @Override
    public List<RecordFile> expiredUploads(Instant now, int limit) {
        return files.values().stream().filter(file -> !file.available() && !now.isBefore(file.uploadExpiresAt()))
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
    public void createGroup(RecordGroup group) {
        groups.putIfAbsent(group.id(), group);
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
    public void deleteGroup(AccountId owner, GroupId id) {
        groups.computeIfPresent(id, (key, group) -> group.owner().equals(owner) ? null : group);
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
            return new Usage(usage.claimed() + hold.bytes(), holds);
        });
        return outcome[0];
    }

    @Override
    public void settleUpload(AccountId owner, FileId file) {
        usages.computeIfPresent(owner, (id, usage) -> usage.without(file, 0));
    }

    @Override
    public void releaseUpload(AccountId owner, FileId file, long bytes) {
        usages.computeIfPresent(owner, (id, usage) -> usage.holds().containsKey(file) ? usage.without(file, bytes) : usage);
    }

    @Override
    public void releaseBytes(AccountId owner, long bytes) {
        usages.computeIfPresent(owner, (id, usage) -> new Usage(Math.max(0, usage.claimed() - bytes), usage.holds()));
    }

    /** {@code claimed}: the bytes of available files plus every hold, the number the quota is checked against. */
    private record Usage(long claimed, Map<FileId, UploadHold> holds) {

        static final Usage NONE = new Usage(0, Map.of());

        long held() {
            return holds.values().stream().mapToLong(UploadHold::bytes).sum();
        }

        /** Without the hold of {@code file}, giving {@code released} bytes back. */
        Usage without(FileId file, long released) {
            Map<FileId, UploadHold> rest = new HashMap<>(holds);
            rest.remove(file);
            return new Usage(claimed - released, rest);
        }
    }

    private static String position(RecordFile file) {
        return Positions.of(file.availableAt().orElseThrow(), file.id().value());
    }
}
