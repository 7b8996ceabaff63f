package br.com.healthmed.scheduling;

import br.com.healthmed.identity.AccountId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A patient waiting for a slot of a doctor that starts in {@code [from, to)}; waiters are offered
 * freed slots in the order they joined ({@link #joinOrder}).
 */
public record WaitlistEntry(UUID id, AccountId patientId, AccountId doctorId, Instant from, Instant to, Instant joinedAt) {

    public WaitlistEntry {
        Objects.requireNonNull(id);
        Objects.requireNonNull(patientId);
        Objects.requireNonNull(doctorId);
        Objects.requireNonNull(from);
        Objects.requireNonNull(to);
        Objects.requireNonNull(joinedAt);
    }

    /** Whether a slot starting at {@code start} is one this patient waits for. */
    public boolean wants(Instant start) {
        return !start.isBefore(from) && start.isBefore(to);
    }

    /** Fixed-width join time in milliseconds, then the id: text order is join order (ties broken by id). */
    public String joinOrder() {
        return String.format("%013d#%s", joinedAt.toEpochMilli(), id);
    }

    /** The appointment an offer of {@code slot} to this waiter is: one per waiter and slot, whoever makes it. */
    public AppointmentId offerOf(SlotId slot) {
        return AppointmentId.forRequest(patientId, "\u0000waitlist " + id + " " + slot);
    }
}
