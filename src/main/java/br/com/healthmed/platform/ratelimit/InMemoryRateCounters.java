package br.com.healthmed.platform.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * {@link RateCounters} in this instance's memory: each key's hits in a small immutable list, changed
 * only inside {@link ConcurrentHashMap#compute}, so every operation on a key is atomic. Keys whose
 * hits have all left their window are dropped when touched, and swept once the map is large.
 */
public final class InMemoryRateCounters implements RateCounters {

    private static final int MAX_TRACKED = 200_000;
    private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);

    private final Clock clock;
    private final Map<String, Hits> hits = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> lastSweep = new AtomicReference<>(Instant.EPOCH);

    public InMemoryRateCounters(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Acquisition tryAcquire(String key, int limit, Duration window, String hitId) {
        Instant now = clock.instant();
        Hit hit = new Hit(key, hitId);
        Acquisition[] outcome = new Acquisition[1];
        hits.compute(key, (k, current) -> {
            Hits live = Hits.of(current, now, window);
            if (live.has(hitId)) {
                outcome[0] = Acquisition.acquired(hit);
                return live;
            }
            if (live.entries.size() < limit) {
                outcome[0] = Acquisition.acquired(hit);
                return live.plus(hit.id(), now);
            }
            outcome[0] = Acquisition.refused(live.oldestLeavesAt().orElse(now));
            return live.orNull();
        });
        sweepIfCrowded(now);
        return outcome[0];
    }

    @Override
    public int hit(String key, Duration window) {
        Instant now = clock.instant();
        Hits after = hits.compute(key, (k, current) -> Hits.of(current, now, window).plus(UUID.randomUUID().toString(), now));
        sweepIfCrowded(now);
        return after.entries.size();
    }

    @Override
    public Usage usage(String key, Duration window) {
        Hits current = hits.get(key);
        if (current == null) {
            return Usage.NONE;
        }
        Hits live = Hits.of(current, clock.instant(), window);
        return new Usage(live.entries.size(), live.oldestLeavesAt());
    }

    @Override
    public void release(Hit hit) {
        hits.computeIfPresent(hit.key(), (k, current) -> current.without(hit.id()).orNull());
    }

    @Override
    public void reset(String key) {
        hits.remove(key);
    }

    /**
     * Drops keys with nothing left in their window once the map is large, at most once a minute: under
     * an attack spread over many keys, sweeping on every hit would cost more than the attack.
     */
    private void sweepIfCrowded(Instant now) {
        Instant last = lastSweep.get();
        if (hits.size() > MAX_TRACKED && now.isAfter(last.plus(SWEEP_INTERVAL)) && lastSweep.compareAndSet(last, now)) {
            hits.values().removeIf(h -> Hits.of(h, now, h.window).entries.isEmpty());
        }
    }

    private record Entry(String id, Instant at) {}

    /** A key's hits, oldest first, and the window they were last counted in. */
    private record Hits(List<Entry> entries, Duration window) {

        /** The hits of {@code current} that are still within {@code window} at {@code now}. */
        static Hits of(Hits current, Instant now, Duration window) {
            if (current == null) {
                return new Hits(List.of(), window);
            }
            Instant windowStart = now.minus(window);
            List<Entry> live = current.entries.stream().filter(e -> e.at.isAfter(windowStart)).toList();
            return new Hits(live, window);
        }

        Hits plus(String id, Instant at) {
            List<Entry> more = new ArrayList<>(entries);
            more.add(new Entry(id, at));
            return new Hits(List.copyOf(more), window);
        }

        boolean has(String id) {
            return entries.stream().anyMatch(e -> e.id.equals(id));
        }

        Hits without(String id) {
            return new Hits(entries.stream().filter(e -> !e.id.equals(id)).toList(), window);
        }

        Optional<Instant> oldestLeavesAt() {
            return entries.stream().map(Entry::at).min(Instant::compareTo).map(at -> at.plus(window));
        }

        @Nullable Hits orNull() {
            return entries.isEmpty() ? null : this;
        }
    }
}
