package br.com.healthmed.scheduling.store;

import br.com.healthmed.platform.storage.Keys;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The key shapes of slots, a doctor's agenda and the publications whose slots are still to offer to the waitlist
 * in the single table. The strings are stored in DynamoDB:
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

    /**
     * Slots of a publication still to offer to the waitlist, in one of 16 partitions by the marker id's first
     * hex digit: {@code PUBLISHED#<hex digit>} / {@code PUB#<marker uuid>}. It stays until the slots are offered.
     */
    static Map<String, AttributeValue> publicationToOffer(String markerId) {
        return Keys.key(publicationsToOffer(Keys.hexShard(markerId)), "PUB#" + markerId);
    }

    static String publicationsToOffer(String shard) {
        return "PUBLISHED#" + shard;
    }

    /** The id in a slot's key, {@code SLOT#<id>}; any other shape is refused. */
    static String slotIdOf(String key) {
        return Keys.idAfter(SLOT, key);
    }
}
