package br.com.healthmed.scheduling.store;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.scheduling.AppointmentId;
import br.com.healthmed.scheduling.Slot;
import br.com.healthmed.scheduling.SlotId;
import br.com.healthmed.scheduling.SlotStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Slots in memory. Each doctor's agenda is a map ordered by start; adding slots locks that doctor's
 * agenda (the overlap check and the insert are one step), claims are compare-and-set on one slot.
 */
class InMemorySlotStore implements SlotStore {

    private final Map<SlotId, Slot> byId = new ConcurrentHashMap<>();
    private final Map<AccountId, NavigableMap<Instant, SlotId>> byDoctor = new ConcurrentHashMap<>();

    @Override
    public Optional<Slot> addAll(AccountId doctorId, List<Slot> slots) {
        NavigableMap<Instant, SlotId> agenda = byDoctor.computeIfAbsent(doctorId, d -> new ConcurrentSkipListMap<>());
        synchronized (agenda) {
            for (Slot slot : slots) {
                Optional<Slot> conflict = overlapping(agenda, slot);
                if (conflict.isPresent()) {
                    return conflict;
                }
            }
            for (Slot slot : slots) {
                byId.put(slot.id(), slot);
                agenda.put(slot.start(), slot.id());
            }
            return Optional.empty();
        }
    }

    private Optional<Slot> overlapping(NavigableMap<Instant, SlotId> agenda, Slot slot) {
        Map.Entry<Instant, SlotId> before = agenda.floorEntry(slot.start());
        if (before != null && byId.get(before.getValue()).overlaps(slot.start(), slot.end())) {
            return Optional.of(byId.get(before.getValue()));
        }
        Map.Entry<Instant, SlotId> after = agenda.higherEntry(slot.start());
        if (after != null && byId.get(after.getValue()).overlaps(slot.start(), slot.end())) {
            return Optional.of(byId.get(after.getValue()));
        }
        return Optional.empty();
    }

    @Override
    public Optional<Slot> find(SlotId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public List<Slot> ofDoctor(AccountId doctorId, Instant from, Instant to, int limit) {
        NavigableMap<Instant, SlotId> agenda = byDoctor.get(doctorId);
        if (agenda == null || !to.isAfter(from)) {
            return List.of();
        }
        List<Slot> found = new ArrayList<>();
        for (SlotId id : agenda.subMap(from, true, to, false).values()) {
            Slot slot = byId.get(id);
            if (slot != null) {
                found.add(slot);
                if (found.size() == limit) {
                    break;
                }
            }
        }
        return found;
    }

    @Override
    public Optional<Slot> claim(SlotId id, Slot.Hold hold, Optional<Slot.Hold> replacing) {
        Slot[] result = new Slot[1];
        byId.computeIfPresent(id, (key, slot) -> {
            Optional<Slot.Hold> current = slot.hold();
            if (current.isEmpty() || current.equals(replacing)) {
                result[0] = slot.heldBy(hold);
            } else if (current.get().isRequest(hold.patientId(), hold.idempotencyKey())) {
                result[0] = slot;
            }
            return result[0] == null ? slot : result[0];
        });
        return Optional.ofNullable(result[0]);
    }

    @Override
    public void release(SlotId id, AppointmentId appointmentId) {
        byId.computeIfPresent(id, (key, slot) -> slot.hold().filter(h -> h.appointmentId().equals(appointmentId)).isPresent()
                ? slot.released() : slot);
    }

    @Override
    public void release(SlotId id, Slot.Hold hold) {
        byId.computeIfPresent(id, (key, slot) -> slot.hold().filter(hold::equals).isPresent() ? slot.released() : slot);
    }

    @Override
    public boolean remove(SlotId id, Optional<Slot.Hold> staleHold) {
        Slot slot = byId.get(id);
        if (slot == null) {
            return true;
        }
        NavigableMap<Instant, SlotId> agenda = byDoctor.get(slot.doctorId());
        synchronized (agenda) {
            boolean[] removed = {false};
            byId.computeIfPresent(id, (key, current) -> {
                boolean removable = current.hold().isEmpty() || current.hold().equals(staleHold);
                if (!removable) {
                    return current;
                }
                agenda.remove(current.start(), id);
                removed[0] = true;
                return null;
            });
            return removed[0] || !byId.containsKey(id);
        }
    }
}
