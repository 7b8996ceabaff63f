package br.com.healthmed.scheduling;

import br.com.healthmed.platform.storage.DynamoTable;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * A durable listener as a real one is written (notifications, say): its effect is an item keyed by
 * the event id, put only if absent, so a second call with the same event has no second effect. It
 * also records every call, so a test can see the relay did call it again after a crash.
 */
final class DrillListener implements AppointmentEventListener {

    static final String PARTITION = "DRILL";

    private final DynamoTable table;
    private final Runnable afterEffect;

    DrillListener(DynamoTable table, Runnable afterEffect) {
        this.table = table;
        this.afterEffect = afterEffect;
    }

    @Override
    public String name() {
        return "drill";
    }

    @Override
    public void on(AppointmentEvent event) {
        put("CALL#" + event.id() + "#" + UUID.randomUUID(), event, false);
        put("EFFECT#" + event.id(), event, true);
        afterEffect.run();
    }

    private void put(String sortKey, AppointmentEvent event, boolean once) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("PK", AttributeValue.fromS(PARTITION));
        item.put("SK", AttributeValue.fromS(sortKey));
        item.put("eventId", AttributeValue.fromS(event.id()));
        try {
            table.client().putItem(b -> b.tableName(table.name()).item(item)
                    .conditionExpression(once ? "attribute_not_exists(PK)" : null));
        } catch (ConditionalCheckFailedException already) {
            // the effect of this event happened on an earlier call
        }
    }
}
