package br.com.healthmed.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * This instance's short memory of slots it has just seen taken. When thousands of patients race for
 * a sought-after doctor's few slots, all but the first few are answered from here, without spending a
 * read or a failed conditional write on DynamoDB (whose partitions take about 1,000 writes a second).
 * A stale entry costs nothing wrong: it lives for seconds, and only ever says "taken". When the holder
 * is known, its own retries are not turned away: a request racing its duplicate must get its appointment.
 */
@Component
class TakenSlots {

    private static final int MAX_ENTRIES = 100_000;

    private record Taken(Instant until, Optional<AppointmentId> holder) {}

    private final ConcurrentHashMap<SlotId, Taken> takenUntil = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration ttl;

    TakenSlots(Clock clock, SchedulingProperties properties) {
        this.clock = clock;
        this.ttl = properties.takenCacheTtl();
    }

    /** Whether the slot was just seen taken by someone other than {@code request} (holder unknown counts as other). */
    boolean isTaken(SlotId slot, AppointmentId request) {
        Taken taken = takenUntil.get(slot);
        if (taken == null) {
            return false;
        }
        if (clock.instant().isBefore(taken.until())) {
            return !taken.holder().filter(request::equals).isPresent();
        }
        takenUntil.remove(slot, taken);
        return false;
    }

    /** The slot is taken by an unknown holder (a claim just failed: not by the request that tried). */
    void taken(SlotId slot) {
        taken(slot, Optional.empty());
    }

    void taken(SlotId slot, AppointmentId holder) {
        taken(slot, Optional.of(holder));
    }

    private void taken(SlotId slot, Optional<AppointmentId> holder) {
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
        // A failed claim does not know the holder: keep the one already known (its retries skip the memory),
        // in one atomic step so that a concurrent successful claim's holder is never overwritten.
        Instant until = clock.instant().plus(ttl);
        takenUntil.compute(slot, (s, old) -> new Taken(until, holder.or(() -> old == null ? Optional.empty() : old.holder())));
    }

    void freed(SlotId slot) {
        takenUntil.remove(slot);
    }
}
