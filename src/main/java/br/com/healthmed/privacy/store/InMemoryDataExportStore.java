package br.com.healthmed.privacy.store;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.privacy.DataExport;
import br.com.healthmed.privacy.DataExportStatus;
import br.com.healthmed.privacy.DataExportStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/** Copies of people's data tracked in memory: the embedded default. */
class InMemoryDataExportStore implements DataExportStore {

    private final Map<AccountId, Running> running = new ConcurrentHashMap<>();
    private final Map<UUID, DataExport> exports = new ConcurrentHashMap<>();
    private final Set<UUID> deleted = ConcurrentHashMap.newKeySet();

    @Override
    public Optional<Running> running(AccountId account) {
        return Optional.ofNullable(running.get(account));
    }

    @Override
    public boolean claim(AccountId account, UUID exportId, Optional<UUID> over, Instant now) {
        Running after = running.compute(account, (key, held) -> {
            if (held == null || over.filter(held.exportId()::equals).isPresent()) {
                return new Running(exportId, now);
            }
            return held; // ours already (a retry), or another copy's
        });
        return after.exportId().equals(exportId);
    }

    @Override
    public void release(AccountId account, UUID exportId) {
        running.computeIfPresent(account, (key, held) -> held.exportId().equals(exportId) ? null : held);
    }

    @Override
    public void create(DataExport export) {
        exports.putIfAbsent(export.id(), export);
    }

    @Override
    public Optional<DataExport> find(UUID id) {
        return Optional.ofNullable(exports.get(id));
    }

    @Override
    public Optional<Integer> startAttempt(UUID id) {
        AtomicReference<Integer> count = new AtomicReference<>();
        exports.computeIfPresent(id, (key, export) -> {
            if (export.status() != DataExportStatus.PENDING) {
                return export;
            }
            DataExport counted = new DataExport(export.id(), export.account(), export.role(), export.status(), export.requestedAt(),
                    export.readyAt(), export.expiresAt(), export.objectKey(), export.sizeBytes(), export.attempts() + 1);
            count.set(counted.attempts());
            return counted;
        });
        return Optional.ofNullable(count.get());
    }

    @Override
    public boolean markReady(UUID id, Instant readyAt, Instant expiresAt, long sizeBytes) {
        return transition(id, export -> export.readyAt(readyAt, expiresAt, sizeBytes));
    }

    @Override
    public boolean markFailed(UUID id) {
        return transition(id, export -> new DataExport(export.id(), export.account(), export.role(), DataExportStatus.FAILED,
                export.requestedAt(), export.readyAt(), export.expiresAt(), export.objectKey(), export.sizeBytes(), export.attempts()));
    }

    private boolean transition(UUID id, java.util.function.UnaryOperator<DataExport> change) {
        AtomicReference<Boolean> changed = new AtomicReference<>(false);
        exports.computeIfPresent(id, (key, export) -> {
            if (export.status() != DataExportStatus.PENDING) {
                return export;
            }
            changed.set(true);
            return change.apply(export);
        });
        return changed.get();
    }

    @Override
    public List<DataExport> pendingSince(Instant before, int limit) {
        return exports.values().stream()
                .filter(e -> e.status() == DataExportStatus.PENDING && e.requestedAt().isBefore(before))
                .sorted(Comparator.comparing(DataExport::requestedAt)).limit(limit).toList();
    }

    @Override
    public List<DataExport> expiredBy(Instant now, int limit) {
        return exports.values().stream()
                .filter(e -> e.status() == DataExportStatus.READY && !deleted.contains(e.id())
                        && e.expiresAt().filter(now::isAfter).isPresent())
                .sorted(Comparator.comparing(e -> e.expiresAt().orElseThrow())).limit(limit).toList();
    }

    @Override
    public void markDeleted(UUID id) {
        deleted.add(id);
    }
}
