package br.com.healthmed.notifications.store;

import static br.com.healthmed.platform.storage.Attributes.epochSeconds;
import static br.com.healthmed.platform.storage.Attributes.instant;
import static br.com.healthmed.platform.storage.Attributes.s;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.notifications.SentMarkers;
import br.com.healthmed.platform.storage.Attributes;
import br.com.healthmed.platform.storage.DynamoTable;
import br.com.healthmed.platform.storage.TimePositions;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * One item per delivery and recipient ({@link NotificationKeys#sentMarker}). A claim is one conditional
 * put: it lands only if there is no marker, or the marker is a claim whose lease has run out. The
 * lease is stored in a fixed-width form so the condition compares it as text.
 */
class DynamoSentMarkers implements SentMarkers {

    /** Markers are kept this long (DynamoDB's TTL cleans up): far longer than any redelivery. */
    private static final Duration KEEP = Duration.ofDays(90);

    private final DynamoTable table;

    DynamoSentMarkers(DynamoTable table) {
        this.table = table;
    }

    @Override
    public Claim claim(String deliveryId, AccountId recipient, Instant now, Duration lease) {
        Map<String, AttributeValue> item = new HashMap<>(NotificationKeys.sentMarker(deliveryId, recipient.toString()));
        item.put("type", s("SENT_MARKER"));
        item.put("state", s("CLAIMED"));
        item.put("leaseUntil", s(TimePositions.wholeSeconds(now.plus(lease))));
        item.put(Attributes.TTL, epochSeconds(now.plus(KEEP)));
        try {
            table.client().putItem(b -> b.tableName(table.name()).item(item)
                    .conditionExpression("attribute_not_exists(PK) OR (#state = :claimed AND leaseUntil < :now)")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(Map.of(":claimed", s("CLAIMED"), ":now", s(TimePositions.wholeSeconds(now)))));
            return Claim.GRANTED;
        } catch (ConditionalCheckFailedException taken) {
            return table.item(NotificationKeys.sentMarker(deliveryId, recipient.toString()))
                    .map(existing -> "CLAIMED".equals(existing.get("state").s()) ? Claim.BUSY : Claim.DONE)
                    .orElse(Claim.BUSY); // released meanwhile: the next attempt claims it
        }
    }

    @Override
    public void complete(String deliveryId, AccountId recipient, Outcome outcome, Instant now) {
        table.client().updateItem(b -> b.tableName(table.name()).key(NotificationKeys.sentMarker(deliveryId, recipient.toString()))
                .updateExpression("SET #state = :state, doneAt = :at, #ttl = :ttl REMOVE leaseUntil")
                .expressionAttributeNames(Map.of("#state", "state", "#ttl", Attributes.TTL))
                .expressionAttributeValues(Map.of(":state", s(outcome.name()), ":at", instant(now),
                        ":ttl", epochSeconds(now.plus(KEEP)))));
    }

    @Override
    public void release(String deliveryId, AccountId recipient) {
        try {
            table.client().deleteItem(b -> b.tableName(table.name()).key(NotificationKeys.sentMarker(deliveryId, recipient.toString()))
                    .conditionExpression("#state = :claimed")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(Map.of(":claimed", s("CLAIMED"))));
        } catch (ConditionalCheckFailedException completedOrGone) {
            // a completed marker stays
        }
    }
}
