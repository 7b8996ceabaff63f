package br.com.healthmed.directory;

import br.com.healthmed.identity.AccountId;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * The earliest bookable slot of each doctor, for the search results' {@code nextAvailableSlot}.
 * Implemented by scheduling (which owns slots); the directory resolves it through a DataLoader, one
 * call per response. Without an implementation every doctor simply has no next slot.
 */
@NamedInterface("api")
public interface NextFreeSlots {

    /** For each of these doctors that has a free slot starting after {@code after}, the earliest one. */
    Map<AccountId, FreeSlot> earliestFreeSlots(Collection<AccountId> doctorIds, Instant after);

    /** A free slot: what a patient needs to book it. */
    record FreeSlot(UUID slotId, Instant start, Instant end) {
        public FreeSlot {
            Objects.requireNonNull(slotId);
            Objects.requireNonNull(start);
            Objects.requireNonNull(end);
        }
    }
}
