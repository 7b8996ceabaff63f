package br.com.healthmed.records.store;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.records.AccessLogEntry;
import br.com.healthmed.records.AccessLogStore;
import br.com.healthmed.records.Page;
import br.com.healthmed.platform.storage.TimePositions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** The access log in memory, per patient in position order: the embedded default. */
class InMemoryAccessLogStore implements AccessLogStore {

    /** An entry and the repeat key it was appended with, if any. */
    private record Stored(AccessLogEntry entry, Optional<String> repeatKey) {}

    /** One caller's failed look-ups in the current window. */
    private record Lookups(Instant windowStart, long count) {}

    private final Map<AccountId, ConcurrentSkipListMap<String, Stored>> logs = new ConcurrentHashMap<>();
    private final Map<String, Lookups> lookups = new ConcurrentHashMap<>();

    @Override
    public void append(AccessLogEntry entry) {
        store(entry, Optional.empty());
    }

    @Override
    public void appendOrCountRepeat(AccessLogEntry entry, String repeatKey, Duration window) {
        ConcurrentSkipListMap<String, Stored> log = log(entry.patient());
        synchronized (log) {
            Map.Entry<String, Stored> latest = log.lastEntry();
            if (latest != null && latest.getValue().repeatKey().filter(repeatKey::equals).isPresent()
                    && entry.at().isBefore(latest.getValue().entry().at().plus(window))) {
                log.put(latest.getKey(), new Stored(latest.getValue().entry().repeatedAt(entry.at()), Optional.of(repeatKey)));
                return;
            }
            store(entry, Optional.of(repeatKey));
        }
    }

    @Override
    public Page<AccessLogEntry> entries(AccountId patient, Instant since, int limit, Optional<String> after) {
        ConcurrentSkipListMap<String, Stored> log = logs.getOrDefault(patient, new ConcurrentSkipListMap<>());
        var kept = log.tailMap(TimePositions.instant(since), true);
        var newestFirst = after.isPresent() ? kept.headMap(after.get(), false).descendingMap() : kept.descendingMap();
        List<Map.Entry<String, Stored>> taken = newestFirst.entrySet().stream().limit(limit + 1L).toList();
        List<Map.Entry<String, Stored>> page = taken.subList(0, Math.min(limit, taken.size()));
        return new Page<>(page.stream().map(stored -> stored.getValue().entry()).toList(),
                taken.size() > limit ? Optional.of(page.get(page.size() - 1).getKey()) : Optional.empty());
    }

    @Override
    public Page<AccessLogEntry> newer(AccountId patient, Instant since, int limit, Optional<String> before) {
        ConcurrentSkipListMap<String, Stored> log = logs.getOrDefault(patient, new ConcurrentSkipListMap<>());
        String oldest = TimePositions.instant(since);
        String from = before.filter(position -> position.compareTo(oldest) > 0).orElse(oldest);
        List<Map.Entry<String, Stored>> taken = log.tailMap(from, false).entrySet().stream().limit(limit + 1L).toList();
        List<Map.Entry<String, Stored>> page = taken.subList(0, Math.min(limit, taken.size()));
        return new Page<>(page.stream().map(stored -> stored.getValue().entry()).toList(),
                taken.size() > limit ? Optional.of(page.get(page.size() - 1).getKey()) : Optional.empty());
    }

    @Override
    public long countFailedLookup(String caller, Instant windowStart, Duration window) {
        return lookups.merge(caller, new Lookups(windowStart, 1), (current, one) ->
                current.windowStart().equals(windowStart) ? new Lookups(windowStart, current.count() + 1) : one).count();
    }

    private void store(AccessLogEntry entry, Optional<String> repeatKey) {
        log(entry.patient()).putIfAbsent(TimePositions.of(entry.at(), entry.id()), new Stored(entry, repeatKey));
    }

    private ConcurrentSkipListMap<String, Stored> log(AccountId patient) {
        return logs.computeIfAbsent(patient, id -> new ConcurrentSkipListMap<>());
    }
}
