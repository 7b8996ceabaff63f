package br.com.healthmed.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * This instance's short memory of slots it has just seen taken. When thousands of patients race for
 * a sought-after doctor's few slots, all but the first few are answered from here, without spending a
 * read or a failed conditional write on DynamoDB (whose partitions take about 1,000 writes a second).
 * A stale entry costs nothing wrong: it lives for seconds, and only ever says "taken".
 */
@Component
class TakenSlots {

    private static final int MAX_ENTRIES = 100_000;

    private final ConcurrentHashMap<SlotId, Instant> takenUntil = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration ttl;

    TakenSlots(Clock clock, SchedulingProperties properties) {
        this.clock = clock;
        this.ttl = properties.takenCacheTtl();
    }

    boolean isTaken(SlotId slot) {
        Instant until = takenUntil.get(slot);
        if (until == null) {
            return false;
        }
        if (clock.instant().isBefore(until)) {
            return true;
        }
        takenUntil.remove(slot, until);
        return false;
    }

    void taken(SlotId slot) {
        if (ttl.isZero()) {
            return;
        }
        if (takenUntil.size() >= MAX_ENTRIES) {
            Instant now = clock.instant();
            takenUntil.values().removeIf(until -> !now.isBefore(until));
            if (takenUntil.size() >= MAX_ENTRIES) {
                return; // full of live entries: answer from the store instead
            }
        }
        takenUntil.put(slot, clock.instant().plus(ttl));
    }

    void freed(SlotId slot) {
        takenUntil.remove(slot);
    }
}
