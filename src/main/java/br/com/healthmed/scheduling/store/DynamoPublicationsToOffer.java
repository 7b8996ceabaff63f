package br.com.healthmed.scheduling.store;

import static br.com.healthmed.platform.storage.Attributes.instant;
import static br.com.healthmed.platform.storage.Attributes.s;
import static br.com.healthmed.platform.storage.Attributes.string;
import static br.com.healthmed.platform.storage.Attributes.strings;

import br.com.healthmed.platform.storage.BatchWrites;
import br.com.healthmed.platform.storage.DueAcrossShards;
import br.com.healthmed.platform.storage.DynamoTable;
import br.com.healthmed.scheduling.PublicationsToOffer;
import br.com.healthmed.scheduling.SlotId;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The publications whose slots are still to offer, as the outbox keeps its entries: {@code PUBLISHED#<hex>} /
 * {@code PUB#<marker>} in 16 shards by the marker id (a burst of publications lands on 16 partitions), with
 * {@code slots} (at most 100 ids, about 4 KB), {@code since}, {@code attempts} and {@code nextAttempt}; no
 * {@code ttl}: a marker stays until its slots are offered, however late (a marker of slots that have started
 * is done at once: a started slot is not offerable). The sweep queries each shard for {@code nextAttempt <= now}.
 */
class DynamoPublicationsToOffer implements PublicationsToOffer {

    private final DynamoTable table;

    DynamoPublicationsToOffer(DynamoTable table) {
        this.table = table;
    }

    @Override
    public void add(List<Marker> markers) {
        if (markers.size() == 1) {
            table.client().putItem(b -> b.tableName(table.name()).item(item(markers.get(0))));
            return;
        }
        BatchWrites.putAll(table, markers.stream().map(DynamoPublicationsToOffer::item).toList());
    }

    @Override
    public List<Marker> due(Instant now, int limit) {
        return DueAcrossShards.byNextAttempt(table, SlotKeys::publicationsToOffer, now, limit, DynamoPublicationsToOffer::marker);
    }

    @Override
    public void retryAt(UUID marker, int attempts, Instant next) {
        try {
            table.client().updateItem(b -> b.tableName(table.name()).key(SlotKeys.publicationToOffer(marker.toString()))
                    .updateExpression("SET attempts = :attempts, nextAttempt = :next")
                    .conditionExpression("attribute_exists(PK)")
                    .expressionAttributeValues(Map.of(":attempts", AttributeValue.fromN(Integer.toString(attempts)),
                            ":next", instant(next))));
        } catch (ConditionalCheckFailedException gone) {
            // done meanwhile by another instance that got through
        }
    }

    @Override
    public void remove(UUID marker) {
        table.client().deleteItem(b -> b.tableName(table.name()).key(SlotKeys.publicationToOffer(marker.toString())));
    }

    private static Map<String, AttributeValue> item(Marker marker) {
        Map<String, AttributeValue> item = new HashMap<>(SlotKeys.publicationToOffer(marker.id().toString()));
        item.put("type", s("PUBLICATION_TO_OFFER"));
        item.put("markerId", s(marker.id().toString()));
        item.put("slots", strings(marker.slots().stream().map(SlotId::toString).toList()));
        item.put("since", instant(marker.since()));
        item.put("attempts", AttributeValue.fromN(Integer.toString(marker.attempts())));
        item.put("nextAttempt", instant(marker.nextAttempt()));
        return item;
    }

    private static Marker marker(Map<String, AttributeValue> item) {
        return new Marker(UUID.fromString(string(item, "markerId")),
                strings(item, "slots").stream().map(SlotId::of).toList(), instant(item, "since"),
                Integer.parseInt(item.get("attempts").n()), instant(item, "nextAttempt"));
    }
}
