package br.com.healthmed.platform.events.log;

import br.com.healthmed.platform.EntityId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** The owners' logs in memory, with the DynamoDB adapter's positions; events told apart by {@code idOf}. */
public final class InMemoryEventLog<E> implements EventLog<E> {

    private final Function<E, String> idOf;
    private final Map<EntityId, NavigableMap<Long, Logged<E>>> logs = new ConcurrentHashMap<>();

    public InMemoryEventLog(Function<E, String> idOf) {
        this.idOf = idOf;
    }

    @Override
    public Logged<E> append(EntityId owner, E event, Instant now) {
        NavigableMap<Long, Logged<E>> log = logs.computeIfAbsent(owner, o -> new TreeMap<>());
        synchronized (log) {
            String id = idOf.apply(event);
            for (Logged<E> logged : log.values()) {
                if (idOf.apply(logged.event()).equals(id)) {
                    return logged;
                }
            }
            long position = log.isEmpty() ? EventLog.firstPosition(now) : log.lastKey() + 1;
            Logged<E> logged = new Logged<>(owner, position, now, event);
            log.put(position, logged);
            return logged;
        }
    }

    @Override
    public List<Logged<E>> after(EntityId owner, long position, int limit) {
        NavigableMap<Long, Logged<E>> log = logs.get(owner);
        if (log == null) {
            return List.of();
        }
        synchronized (log) {
            return new ArrayList<>(log.tailMap(position, false).values()).stream().limit(limit).toList();
        }
    }

    @Override
    public long last(EntityId owner) {
        NavigableMap<Long, Logged<E>> log = logs.get(owner);
        if (log == null) {
            return 0;
        }
        synchronized (log) {
            return log.isEmpty() ? 0 : log.lastKey();
        }
    }

    @Override
    public Optional<Logged<E>> at(EntityId owner, long position) {
        NavigableMap<Long, Logged<E>> log = logs.get(owner);
        if (log == null) {
            return Optional.empty();
        }
        synchronized (log) {
            return Optional.ofNullable(log.get(position));
        }
    }
}
