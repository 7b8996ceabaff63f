package br.com.healthmed.scheduling.store;

import br.com.healthmed.platform.events.log.EventLog;
import br.com.healthmed.platform.events.log.InMemoryEventLog;
import br.com.healthmed.scheduling.AppointmentEvent;
import br.com.healthmed.scheduling.AppointmentEventStore;
import br.com.healthmed.scheduling.AppointmentId;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The outbox and the accounts' event logs in memory (the shared {@link InMemoryEventLog}). */
class InMemoryAppointmentEventStore implements AppointmentEventStore {

    private final Map<AppointmentId, Pending> outbox = new HashMap<>();
    private final InMemoryEventLog<AppointmentEvent> log = new InMemoryEventLog<>(AppointmentEvent::id);

    @Override
    public synchronized void expect(AppointmentId appointment, long version, int baseline, Instant now) {
        Pending existing = outbox.get(appointment);
        Instant writerUntil = now.plus(WRITER_GRACE);
        if (existing == null) {
            outbox.put(appointment, new Pending(appointment, version, baseline, Map.of(), now, writerUntil, 0, now.plus(RELAY_GRACE)));
        } else if (existing.version() <= version) {
            outbox.put(appointment, new Pending(appointment, version, existing.baseline(), existing.delivered(),
                    existing.since(), writerUntil, existing.attempts(), existing.nextAttempt()));
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
        outbox.put(appointment, new Pending(appointment, p.version(), p.baseline(), progress, p.since(), p.writerUntil(), p.attempts(), p.nextAttempt()));
    }

    @Override
    public synchronized void retryAt(AppointmentId appointment, int attempts, Instant next) {
        Pending p = outbox.get(appointment);
        if (p != null) {
            outbox.put(appointment, new Pending(appointment, p.version(), p.baseline(), p.delivered(), p.since(), p.writerUntil(), attempts, next));
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
    public EventLog<AppointmentEvent> log() {
        return log;
    }
}
