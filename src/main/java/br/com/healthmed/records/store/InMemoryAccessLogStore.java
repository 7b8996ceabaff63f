package br.com.healthmed.records.store;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.records.AccessLogEntry;
import br.com.healthmed.records.AccessLogStore;
import br.com.healthmed.records.Page;
import br.com.healthmed.records.Positions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** The access log in memory, per patient in position order: the embedded default. */
class InMemoryAccessLogStore implements AccessLogStore {

    private final Map<AccountId, ConcurrentSkipListMap<String, AccessLogEntry>> logs = new ConcurrentHashMap<>();

    @Override
    public void append(AccessLogEntry entry) {
        logs.computeIfAbsent(entry.patient(), patient -> new ConcurrentSkipListMap<>())
                .putIfAbsent(Positions.of(entry.at(), entry.id()), entry);
    }

    @Override
    public Page<AccessLogEntry> entries(AccountId patient, int limit, Optional<String> after) {
        ConcurrentSkipListMap<String, AccessLogEntry> log = logs.getOrDefault(patient, new ConcurrentSkipListMap<>());
        var newestFirst = after.isPresent() ? log.headMap(after.get(), false).descendingMap() : log.descendingMap();
        List<Map.Entry<String, AccessLogEntry>> taken = newestFirst.entrySet().stream().limit(limit + 1L).toList();
        List<Map.Entry<String, AccessLogEntry>> page = taken.subList(0, Math.min(limit, taken.size()));
        return new Page<>(page.stream().map(Map.Entry::getValue).toList(),
                taken.size() > limit ? Optional.of(page.get(page.size() - 1).getKey()) : Optional.empty());
    }
}
