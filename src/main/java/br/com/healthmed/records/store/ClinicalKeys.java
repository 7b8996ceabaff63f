package br.com.healthmed.records.store;

import br.com.healthmed.platform.events.log.LogKeys;
import br.com.healthmed.platform.storage.Keys;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The key shapes of the clinical record (consultation notes and the outbox of their notices); the
 * table is docs/clinical-record.md's. Files, groups, grants and the access log keep theirs in {@link Keys}.
 */
final class ClinicalKeys {

    static final String NOTE_PREFIX = "CLINICALNOTE#";
    static final String VERSION_PREFIX = "V#";

    /**
     * Each patient's clinical-record event log, in the shared log's shape: {@code CLINICALEVENTS#<patient>} /
     * {@code E#<19-digit position>}, its head {@code CLINICALEVENTHEAD#<patient>} / {@code HEAD}.
     */
    static final LogKeys EVENT_LOG = new LogKeys("CLINICALEVENTS#", "CLINICALEVENTHEAD#");

    private ClinicalKeys() {}

    /** One version of a note: {@code CLINICALNOTE#<note>} / {@code V#<10-digit version>}. */
    static Map<String, AttributeValue> noteVersion(String noteId, int version) {
        return Keys.key(note(noteId), version(version));
    }

    static String note(String noteId) {
        return NOTE_PREFIX + noteId;
    }

    static String version(int version) {
        return VERSION_PREFIX + String.format("%010d", version);
    }

    /** GSI1 partition listing a patient's notes (their version 1) by when they were written: {@code RECORD#<patient>#NOTES}. */
    static String patientNotes(String patientId) {
        return "RECORD#" + patientId + "#NOTES";
    }

    /** GSI2 partition of notices not delivered yet, by next attempt; one of 16 shards: {@code RECORDNOTICES#<hex digit>}. */
    static String notices(String shard) {
        return "RECORDNOTICES#" + shard;
    }
}
