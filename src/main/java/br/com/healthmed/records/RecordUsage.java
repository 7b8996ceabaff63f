package br.com.healthmed.records;

import java.time.Instant;
import java.util.List;

/**
 * What counts against a patient's quota: the bytes of available files and the holds of uploads in
 * progress. A hold past its expiry still occupies the stored counter until it is reconciled, but is
 * no longer reported to the patient (expiry is read-time).
 */
public record RecordUsage(long usedBytes, List<UploadHold> holds) {

    public RecordUsage {
        holds = List.copyOf(holds);
    }

    /** Bytes held by uploads that have not expired at {@code now}. */
    public long reservedBytesAt(Instant now) {
        return holds.stream().filter(hold -> hold.activeAt(now)).mapToLong(UploadHold::bytes).sum();
    }

    public List<UploadHold> staleAt(Instant now) {
        return holds.stream().filter(hold -> !hold.activeAt(now)).toList();
    }
}
