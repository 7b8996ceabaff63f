package br.com.healthmed.records.store;

import br.com.healthmed.records.ClinicalRecordEvent;
import br.com.healthmed.records.RecordNotice;
import br.com.healthmed.records.RecordNoticeStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The notices' outbox in memory, shared with the in-memory note and file stores, which add a notice in
 * the same step as the note version or the completion it belongs to.
 */
class InMemoryRecordNotices implements RecordNoticeStore {

    private final Map<String, RecordNotice> pending = new ConcurrentHashMap<>();

    void add(RecordNotice notice) {
        pending.putIfAbsent(notice.event().id(), notice);
    }

    @Override
    public List<RecordNotice> due(Instant now, int limit) {
        return pending.values().stream().filter(notice -> !notice.nextAttempt().isAfter(now)).limit(limit).toList();
    }

    @Override
    public void delivered(ClinicalRecordEvent event) {
        pending.remove(event.id());
    }

    @Override
    public void retryAt(ClinicalRecordEvent event, int attempts, Instant next) {
        pending.computeIfPresent(event.id(), (id, notice) -> new RecordNotice(notice.event(), attempts, next));
    }
}
