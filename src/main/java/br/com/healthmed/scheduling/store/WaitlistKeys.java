package br.com.healthmed.scheduling.store;

import br.com.healthmed.platform.storage.Keys;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The key shapes of the waitlist. The strings are stored in DynamoDB:
 * StoredKeyShapesTest pins each one, and docs/dynamodb.md lists them (DynamoDbDocumentationTest checks it).
 */
final class WaitlistKeys {

    private WaitlistKeys() {}

    /** A patient's waitlist entries, the one item that bounds them: {@code WAITER#<patient>} / {@code ENTRIES}. */
    static Map<String, AttributeValue> waiterEntries(String patientId) {
        return Keys.key("WAITER#" + patientId, "ENTRIES");
    }

    /** The partition of a doctor's waitlist, in join order: {@code WAITLIST#<doctor>}. */
    static String waitlist(String doctorId) {
        return "WAITLIST#" + doctorId;
    }

    /** One entry of a doctor's waitlist: {@code WAITLIST#<doctor>} / {@code <joined at, 13-digit epoch ms>#<entry>}. */
    static Map<String, AttributeValue> waitlistEntry(String doctorId, String joinOrder) {
        return Keys.key(waitlist(doctorId), joinOrder);
    }
}
