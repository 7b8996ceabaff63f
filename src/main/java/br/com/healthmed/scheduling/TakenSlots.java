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

    private record Taken(AppointmentId holder, Instant until) {}

    private final ConcurrentHashMap<SlotId, Taken> takenUntil = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration ttl;

    TakenSlots(Clock clock, SchedulingProperties properties) {
        this.clock = clock;
        this.ttl = properties.takenCacheTtl();
    }

    /** Whether the slot was just seen held by an appointment other than {@code mine} (a retry is never refused here). */
    boolean isTakenByAnother(SlotId slot, AppointmentId mine) {
        Taken taken = takenUntil.get(slot);
        if (taken == null) {
            return false;
        }
        if (clock.instant().isBefore(taken.until())) {
            return !taken.holder().equals(mine);
        }
        takenUntil.remove(slot, taken);
        return false;
    }

    void taken(SlotId slot, AppointmentId holder) {
        if (ttl.isZero()) {
            return;
        }
        if (takenUntil.size() >= MAX_ENTRIES) {
            Instant now = clock.instant();
            takenUntil.values().removeIf(taken -> !now.isBefore(taken.until()));
            if (takenUntil.size() >= MAX_ENTRIES) {
                return; // full of live entries: answer from the store instead
            }
        }
        takenUntil.put(slot, new Taken(holder, clock.instant().plus(ttl)));
    }

    void freed(SlotId slot) {
        takenUntil.remove(slot);
    }
}
