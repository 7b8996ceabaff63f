package br.com.healthmed.records;

import java.time.Instant;
import java.util.List;

/**
 * The outbox of clinical-record events. A notice is not written here: it is part of the item whose
 * write makes the event (a note version, a completed issued document; see {@link ConsultationNoteStore}
 * and {@link HealthRecordStore#markAvailable}), so a stored note can never lack its notice. This port
 * finds the notices that are due and settles them. Implementations must pass {@code RecordNoticeStoreContract}.
 */
public interface RecordNoticeStore {

    /** Notices whose next attempt is at or before {@code now}, at most {@code limit}, in no particular order. */
    List<RecordNotice> due(Instant now, int limit);

    /** The notice was delivered: it is no longer due. Nothing happens if it was settled already. */
    void delivered(ClinicalRecordEvent event);

    /** Delivering failed: the notice is due again at {@code next}, after {@code attempts} failed attempts. */
    void retryAt(ClinicalRecordEvent event, int attempts, Instant next);
}
