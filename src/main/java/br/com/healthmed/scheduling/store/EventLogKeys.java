package br.com.healthmed.scheduling.store;

import br.com.healthmed.platform.events.log.LogKeys;
import br.com.healthmed.platform.storage.Keys;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The key shapes of an account's appointment-event log and the outbox. The strings are stored in DynamoDB:
 * StoredKeyShapesTest pins each one, and docs/dynamodb.md lists them (DynamoDbDocumentationTest checks it).
 */
final class EventLogKeys {

    private EventLogKeys() {}

    /**
     * The accounts' appointment-event logs, in the shared log's shape: {@code EVENTS#<account>} / {@code E#<19-digit
     * position>}, the head {@code EVENTHEAD#<account>} / {@code HEAD} (outside the log's partition, so log queries
     * never meet it).
     */
    static final LogKeys APPOINTMENT_LOG = new LogKeys("EVENTS#", "EVENTHEAD#");

    static String eventLog(String accountId) {
        return APPOINTMENT_LOG.log(accountId);
    }

    static Map<String, AttributeValue> eventLogEntry(String accountId, long position) {
        return APPOINTMENT_LOG.entry(accountId, position);
    }

    static Map<String, AttributeValue> eventLogHead(String accountId) {
        return APPOINTMENT_LOG.head(accountId);
    }

    static String eventPosition(long position) {
        return LogKeys.position(position);
    }

    /** An appointment whose events await delivery, in one of 16 shards: {@code OUTBOX#<hex digit>} / {@code APPT#<uuid>}. */
    static Map<String, AttributeValue> outboxEntry(String shard, String appointmentId) {
        return Keys.key(outbox(shard), "APPT#" + appointmentId);
    }

    static String outbox(String shard) {
        return "OUTBOX#" + shard;
    }
}
