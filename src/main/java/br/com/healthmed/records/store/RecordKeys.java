package br.com.healthmed.records.store;

import br.com.healthmed.platform.storage.Keys;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The key shapes of a patient's health record: files, groups, shares, used bytes and access log. The strings are stored in DynamoDB:
 * StoredKeyShapesTest pins each one, and docs/dynamodb.md lists them (DynamoDbDocumentationTest checks it).
 */
final class RecordKeys {

    /** The prefix of a group (its sort key). */
    static final String GROUP = "GROUP#";

    /** The prefix of a file. */
    static final String FILE = "FILE#";

    private RecordKeys() {}

    /** A health-record file's metadata (the bytes are in the blob store): {@code FILE#<uuid>} / {@code FILE}. */
    static Map<String, AttributeValue> recordFile(String fileId) {
        return Keys.key(FILE + fileId, "FILE");
    }

    /** The partition of one patient's record: groups, shares and used bytes: {@code RECORD#<patient uuid>}. */
    static String record(String patientId) {
        return "RECORD#" + patientId;
    }

    /** A patient's group of files: {@code RECORD#<patient>} / {@code GROUP#<uuid>}. */
    static Map<String, AttributeValue> recordGroup(String patientId, String groupId) {
        return Keys.key(record(patientId), GROUP + groupId);
    }

    /** The bytes a patient's files take: {@code RECORD#<patient>} / {@code USAGE}. */
    static Map<String, AttributeValue> recordUsage(String patientId) {
        return Keys.key(record(patientId), "USAGE");
    }

    /** A share with a doctor: {@code RECORD#<patient>} / {@code GRANT#<doctor uuid>#<grant uuid>}. */
    static Map<String, AttributeValue> grant(String patientId, String doctorId, String grantId) {
        return Keys.key(record(patientId), grantsTo(doctorId) + grantId);
    }

    /** The sort-key prefix of every share in a record, and of those with one doctor. */
    static final String GRANTS = "GRANT#";

    static String grantsTo(String doctorId) {
        return GRANTS + doctorId + "#";
    }

    /** GSI1 partition listing a patient's available files by upload time: {@code RECORD#<patient>#FILES}. */
    static String recordFiles(String patientId) {
        return record(patientId) + "#FILES";
    }

    /** GSI1 partition listing the unrevoked shares with a doctor by expiry: {@code DOCTOR#<uuid>#SHARES}. */
    static String sharesWith(String doctorId) {
        return "DOCTOR#" + doctorId + "#SHARES";
    }

    /** GSI2 partition of upload intents not completed yet, by expiry; one of 16 shards: {@code UPLOADS#PENDING#<hex digit>}. */
    static String pendingUploads(String shard) {
        return "UPLOADS#PENDING#" + shard;
    }

    /** GSI2 partition of deleted files' tombstones, by when the sweep finishes them; one of 16 shards: {@code FILES#DELETED#<hex digit>}. */
    static String deletedFiles(String shard) {
        return "FILES#DELETED#" + shard;
    }

    /** The partition of a patient's append-only access log (sort key: time and entry id): {@code RECORDLOG#<patient>}. */
    static String accessLog(String patientId) {
        return "RECORDLOG#" + patientId;
    }

    /** One access-log entry: {@code RECORDLOG#<patient>} / {@code <fixed-width instant>#<entry uuid>}. */
    static Map<String, AttributeValue> accessLogEntry(String patientId, String position) {
        return Keys.key(accessLog(patientId), position);
    }

    /**
     * One caller's count of failed record look-ups in one window, for the access log's flood control:
     * {@code RECORDREFUSALS#<caller>} / {@code <fixed-width window start>}.
     */
    static Map<String, AttributeValue> recordRefusals(String caller, String windowStart) {
        return Keys.key("RECORDREFUSALS#" + caller, windowStart);
    }

    /** The id in a file's key, {@code FILE#<id>}; any other shape is refused. */
    static String fileIdOf(String key) {
        return Keys.idAfter(FILE, key);
    }

    /** The id in a group (its sort key)'s key, {@code GROUP#<id>}; any other shape is refused. */
    static String groupIdOf(String key) {
        return Keys.idAfter(GROUP, key);
    }
}
