package br.com.healthmed.identity.store;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.storage.TimePositions;
import br.com.healthmed.identity.SecurityEvent;
import br.com.healthmed.identity.SecurityEventStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** The security log in memory, by account and position: the embedded default. */
class InMemorySecurityEventStore implements SecurityEventStore {

    private final Map<AccountId, NavigableMap<String, SecurityEvent>> logs = new ConcurrentHashMap<>();

    @Override
    public void append(SecurityEvent event) {
        logs.computeIfAbsent(event.account(), account -> new ConcurrentSkipListMap<>()).putIfAbsent(event.position(), event);
    }

    @Override
    public Page page(AccountId account, Instant since, int limit, Optional<String> after) {
        NavigableMap<String, SecurityEvent> log = logs.getOrDefault(account, new ConcurrentSkipListMap<>()).descendingMap();
        NavigableMap<String, SecurityEvent> older = after.map(position -> log.tailMap(position, false)).orElse(log);
        String oldest = TimePositions.instant(since);
        List<SecurityEvent> items = older.entrySet().stream()
                .takeWhile(entry -> entry.getKey().compareTo(oldest) >= 0)
                .limit(limit + 1L)
                .map(Map.Entry::getValue)
                .toList();
        List<SecurityEvent> page = items.subList(0, Math.min(limit, items.size()));
        return new Page(page, items.size() > limit ? Optional.of(page.get(page.size() - 1).position()) : Optional.empty());
    }

    @Override
    public Page newer(AccountId account, Instant since, int limit, Optional<String> before) {
        NavigableMap<String, SecurityEvent> log = logs.getOrDefault(account, new ConcurrentSkipListMap<>());
        String oldest = TimePositions.instant(since);
        String from = before.filter(position -> position.compareTo(oldest) > 0).orElse(oldest);
        List<SecurityEvent> items = log.tailMap(from, false).values().stream().limit(limit + 1L).toList();
        List<SecurityEvent> page = items.subList(0, Math.min(limit, items.size()));
        return new Page(page, items.size() > limit ? Optional.of(page.get(page.size() - 1).position()) : Optional.empty());
    }
}
