package br.com.healthmed.scheduling;

import br.com.healthmed.identity.AccountId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where doctors' slots live. Implementations must pass {@code SlotStoreContract}. Every method that
 * changes a slot is atomic on its own: no caller ever needs a multi-item transaction.
 */
public interface SlotStore {

    /**
     * Adds free slots of one doctor, all or none. Refused when one of them overlaps a slot the doctor
     * already has: then nothing is added and the existing slot it collides with is returned.
     * Concurrent calls never leave two overlapping slots. The new slots must not overlap each other.
     */
    Optional<Slot> addAll(AccountId doctorId, List<Slot> slots);

    Optional<Slot> find(SlotId id);

    /** The doctor's slots starting in {@code [from, to)}, by start, at most {@code limit}. */
    List<Slot> ofDoctor(AccountId doctorId, Instant from, Instant to, int limit);

    /**
     * Claims a slot for {@code hold}, atomically: succeeds when the slot is not held, when it is held
     * by exactly {@code replacing} (a hold that no longer stands: same appointment, key and claim time,
     * so a newer hold of the same appointment is never taken over), or when it is already held for
     * the same request (same patient and idempotency key: a retry). Returns the slot as stored
     * afterwards — for a retry, with the first request's hold — or empty when the slot is held by
     * someone else (or does not exist).
     */
    Optional<Slot> claim(SlotId id, Slot.Hold hold, Optional<Slot.Hold> replacing);

    /** Frees the slot if {@code appointmentId} holds it; does nothing otherwise. */
    void release(SlotId id, AppointmentId appointmentId);

    /** Frees the slot if it is still held by exactly {@code hold}; does nothing otherwise. */
    void release(SlotId id, Slot.Hold hold);

    /**
     * Removes a slot that is not held (or is held by exactly {@code staleHold}, one that no longer stands).
     * Returns false, changing nothing, when someone else holds it; true also when it did not exist.
     */
    boolean remove(SlotId id, Optional<Slot.Hold> staleHold);
}
