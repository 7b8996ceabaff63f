package br.com.healthmed.scheduling.store;

import br.com.healthmed.platform.storage.Keys;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The key shapes of slots and a doctor's agenda in the single table. The strings are stored in DynamoDB:
 * StoredKeyShapesTest pins each one, and docs/dynamodb.md lists them (DynamoDbDocumentationTest checks it).
 */
final class SlotKeys {

    /** The prefix of a slot. */
    static final String SLOT = "SLOT#";

    private SlotKeys() {}

    /** A slot, one partition each (a sought-after doctor's claims spread out): {@code SLOT#<uuid>} / {@code SLOT}. */
    static Map<String, AttributeValue> slot(String slotId) {
        return Keys.key(SLOT + slotId, "SLOT");
    }

    /** GSI1 partition of a doctor's slots in one UTC month: {@code AGENDA#<doctor>#2026-12}; sort key {@code <start>#<slot>}. */
    static String doctorAgendaMonth(String doctorId, String yearMonth) {
        return "AGENDA#" + doctorId + "#" + yearMonth;
    }

    /** The intervals of all a doctor's slots, the one item that keeps them from overlapping: {@code AGENDA#<doctor>} / {@code LAYOUT}. */
    static Map<String, AttributeValue> slotLayout(String doctorId) {
        return Keys.key("AGENDA#" + doctorId, "LAYOUT");
    }

    /** The id in a slot's key, {@code SLOT#<id>}; any other shape is refused. */
    static String slotIdOf(String key) {
        return Keys.idAfter(SLOT, key);
    }
}
