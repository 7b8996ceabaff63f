package br.com.healthmed.scheduling.store;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.scheduling.WaitlistEntry;
import br.com.healthmed.scheduling.WaitlistStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** Waitlists in memory: one patient's entries change one at a time; a doctor's are ordered by join order. */
class InMemoryWaitlistStore implements WaitlistStore {

    private final Map<AccountId, Map<AccountId, WaitlistEntry>> byPatient = new ConcurrentHashMap<>();
    private final Map<AccountId, NavigableMap<String, WaitlistEntry>> byDoctor = new ConcurrentHashMap<>();

    @Override
    public Joined join(WaitlistEntry entry, int maxPerPatient, Instant now) {
        Map<AccountId, WaitlistEntry> entries = byPatient.computeIfAbsent(entry.patientId(), p -> new LinkedHashMap<>());
        synchronized (entries) {
            entries.values().removeIf(e -> !e.to().isAfter(now));
            WaitlistEntry existing = entries.get(entry.doctorId());
            if (existing != null) {
                listing(existing.doctorId()).put(existing.joinOrder(), existing);
                return new Joined(Result.ALREADY, Optional.of(existing));
            }
            if (entries.size() >= maxPerPatient) {
                return new Joined(Result.LIMIT_REACHED, Optional.empty());
            }
            entries.put(entry.doctorId(), entry);
            listing(entry.doctorId()).put(entry.joinOrder(), entry);
            return new Joined(Result.JOINED, Optional.of(entry));
        }
    }

    @Override
    public Optional<WaitlistEntry> leave(AccountId patientId, AccountId doctorId) {
        Map<AccountId, WaitlistEntry> entries = byPatient.get(patientId);
        if (entries == null) {
            return Optional.empty();
        }
        synchronized (entries) {
            WaitlistEntry removed = entries.remove(doctorId);
            if (removed != null) {
                listing(doctorId).remove(removed.joinOrder());
            }
            return Optional.ofNullable(removed);
        }
    }

    @Override
    public List<WaitlistEntry> ofPatient(AccountId patientId, Instant now) {
        Map<AccountId, WaitlistEntry> entries = byPatient.get(patientId);
        if (entries == null) {
            return List.of();
        }
        synchronized (entries) {
            return entries.values().stream().filter(e -> e.to().isAfter(now))
                    .sorted(Comparator.comparing(WaitlistEntry::joinOrder)).toList();
        }
    }

    @Override
    public List<WaitlistEntry> waitingFor(AccountId doctorId, Instant start, int limit) {
        List<WaitlistEntry> found = new ArrayList<>();
        for (WaitlistEntry entry : listing(doctorId).values()) {
            if (entry.wants(start)) {
                found.add(entry);
                if (found.size() == limit) {
                    break;
                }
            }
        }
        return found;
    }

    private NavigableMap<String, WaitlistEntry> listing(AccountId doctorId) {
        return byDoctor.computeIfAbsent(doctorId, d -> new ConcurrentSkipListMap<>());
    }
}
