package br.com.healthmed.scheduling.store;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.scheduling.AppointmentEvent;
import br.com.healthmed.scheduling.AppointmentEventStore;
import br.com.healthmed.scheduling.AppointmentId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** The outbox and the accounts' event logs in memory, with the DynamoDB adapter's positions. */
class InMemoryAppointmentEventStore implements AppointmentEventStore {

    private final Map<AppointmentId, Pending> outbox = new HashMap<>();
    private final Map<AccountId, NavigableMap<Long, Logged>> logs = new ConcurrentHashMap<>();

    @Override
    public synchronized void expect(AppointmentId appointment, long version, int baseline, Instant now) {
        Pending existing = outbox.get(appointment);
        if (existing == null) {
            outbox.put(appointment, new Pending(appointment, version, baseline, Map.of(), now, 0, now.plus(RELAY_GRACE)));
        } else if (existing.version() < version) {
            outbox.put(appointment, new Pending(appointment, version, existing.baseline(), existing.delivered(),
                    existing.since(), existing.attempts(), existing.nextAttempt()));
        }
    }

    @Override
    public synchronized Optional<Pending> pending(AppointmentId appointment) {
        return Optional.ofNullable(outbox.get(appointment));
    }

    @Override
    public synchronized List<Pending> due(Instant now, int limit) {
        return outbox.values().stream().filter(p -> !p.nextAttempt().isAfter(now)).limit(limit).toList();
    }

    @Override
    public synchronized void delivered(AppointmentId appointment, String target, int delivered) {
        Pending p = outbox.get(appointment);
        if (p == null || p.delivered().getOrDefault(target, -1) >= delivered) {
            return;
        }
        Map<String, Integer> progress = new HashMap<>(p.delivered());
        progress.merge(target, delivered, Math::max);
        outbox.put(appointment, new Pending(appointment, p.version(), p.baseline(), progress, p.since(), p.attempts(), p.nextAttempt()));
    }

    @Override
    public synchronized void retryAt(AppointmentId appointment, int attempts, Instant next) {
        Pending p = outbox.get(appointment);
        if (p != null) {
            outbox.put(appointment, new Pending(appointment, p.version(), p.baseline(), p.delivered(), p.since(), attempts, next));
        }
    }

    @Override
    public synchronized boolean clear(AppointmentId appointment, long version) {
        Pending p = outbox.get(appointment);
        if (p == null || p.version() != version) {
            return false;
        }
        outbox.remove(appointment);
        return true;
    }

    @Override
    public Logged append(AccountId account, AppointmentEvent event, Instant now) {
        NavigableMap<Long, Logged> log = logs.computeIfAbsent(account, a -> new TreeMap<>());
        synchronized (log) {
            for (Logged logged : log.values()) {
                if (logged.event().id().equals(event.id())) {
                    return logged;
                }
            }
            long position = log.isEmpty() ? AppointmentEventStore.firstPosition(now) : log.lastKey() + 1;
            Logged logged = new Logged(account, position, now, event);
            log.put(position, logged);
            return logged;
        }
    }

    @Override
    public List<Logged> after(AccountId account, long position, int limit) {
        NavigableMap<Long, Logged> log = logs.get(account);
        if (log == null) {
            return List.of();
        }
        synchronized (log) {
            return new ArrayList<>(log.tailMap(position, false).values()).stream().limit(limit).toList();
        }
    }

    @Override
    public long last(AccountId account) {
        NavigableMap<Long, Logged> log = logs.get(account);
        if (log == null) {
            return 0;
        }
        synchronized (log) {
            return log.isEmpty() ? 0 : log.lastKey();
        }
    }

    @Override
    public Optional<Logged> at(AccountId account, long position) {
        NavigableMap<Long, Logged> log = logs.get(account);
        if (log == null) {
            return Optional.empty();
        }
        synchronized (log) {
            return Optional.ofNullable(log.get(position));
        }
    }
}
