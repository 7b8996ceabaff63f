package br.com.healthmed.scheduling.store;

import br.com.healthmed.platform.storage.Keys;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The key shapes of an account's appointment-event log and the outbox. The strings are stored in DynamoDB:
 * StoredKeyShapesTest pins each one, and docs/dynamodb.md lists them (DynamoDbDocumentationTest checks it).
 */
final class EventLogKeys {

    private EventLogKeys() {}

    /** An account's appointment-event log: {@code EVENTS#<account>}, sort key {@link #eventPosition}. */
    static String eventLog(String accountId) {
        return "EVENTS#" + accountId;
    }

    /** One event in an account's log: {@code EVENTS#<account>} / {@code E#<19-digit position>}. */
    static Map<String, AttributeValue> eventLogEntry(String accountId, long position) {
        return Keys.key(eventLog(accountId), eventPosition(position));
    }

    /**
     * The head of an account's event log, outside the log's partition so log queries never meet it:
     * {@code EVENTHEAD#<account>} / {@code HEAD}.
     */
    static Map<String, AttributeValue> eventLogHead(String accountId) {
        return Keys.key("EVENTHEAD#" + accountId, "HEAD");
    }

    static String eventPosition(long position) {
        return String.format("E#%019d", position);
    }

    /** An appointment whose events await delivery, in one of 16 shards: {@code OUTBOX#<hex digit>} / {@code APPT#<uuid>}. */
    static Map<String, AttributeValue> outboxEntry(String shard, String appointmentId) {
        return Keys.key(outbox(shard), "APPT#" + appointmentId);
    }

    static String outbox(String shard) {
        return "OUTBOX#" + shard;
    }
}
