package br.com.healthmed.scheduling;

import br.com.healthmed.identity.AccountId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where patients wait for doctors' slots. Implementations must pass {@code WaitlistStoreContract}:
 * concurrent joins of one patient never exceed the limits, and a doctor's waiters are listed in join order.
 */
public interface WaitlistStore {

    /**
     * Adds the entry unless the patient already waits for this doctor (then that entry is returned as
     * {@code ALREADY}, and the listing under the doctor is written again, which heals a join that died
     * half-way) or already has {@code maxPerPatient} entries whose window has not ended at {@code now}.
     */
    Joined join(WaitlistEntry entry, int maxPerPatient, Instant now);

    /** Removes the patient's entry for this doctor; the removed entry, or empty when there was none. */
    Optional<WaitlistEntry> leave(AccountId patientId, AccountId doctorId);

    /** The patient's entries whose window has not ended at {@code now}, by join time. */
    List<WaitlistEntry> ofPatient(AccountId patientId, Instant now);

    /** The doctor's waiters who want a slot starting at {@code start}, in join order, at most {@code limit}. */
    List<WaitlistEntry> waitingFor(AccountId doctorId, Instant start, int limit);

    enum Result { JOINED, ALREADY, LIMIT_REACHED }

    record Joined(Result result, Optional<WaitlistEntry> entry) {}
}
