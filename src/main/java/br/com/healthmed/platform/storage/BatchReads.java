package br.com.healthmed.platform.storage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Reads many items of the table by key: {@code BatchGetItem} in batches of 100 keys, asking again for
 * the keys DynamoDB leaves unprocessed (throttling) after an exponential pause, as AWS advises.
 */
public final class BatchReads {

    static final int BATCH_GET_LIMIT = 100;
    /** Batch reads per batch of keys, the first included; the pauses between them add up to 2.54 s. */
    public static final int MAX_ROUNDS = 8;
    static final Duration FIRST_PAUSE = Duration.ofMillis(20);

    private BatchReads() {}

    /** The items that exist among these keys (each key once), in no particular order; eventually consistent. */
    public static List<Map<String, AttributeValue>> items(DynamoTable table, List<Map<String, AttributeValue>> keys) {
        return items(table, keys, BatchPause.SLEEP);
    }

    /** As {@link #items(DynamoTable, List)}, waiting between requests as {@code pause} does. */
    public static List<Map<String, AttributeValue>> items(DynamoTable table, List<Map<String, AttributeValue>> keys,
                                                          BatchPause pause) {
        return read(table, keys, false, pause);
    }

    /** As {@link #items}, read consistently: what a write just stored is seen. */
    public static List<Map<String, AttributeValue>> consistentItems(DynamoTable table, List<Map<String, AttributeValue>> keys) {
        return read(table, keys, true, BatchPause.SLEEP);
    }

    private static List<Map<String, AttributeValue>> read(DynamoTable table, List<Map<String, AttributeValue>> keys,
                                                         boolean consistent, BatchPause pauses) {
        List<Map<String, AttributeValue>> distinct = keys.stream().distinct().toList();
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += BATCH_GET_LIMIT) {
            List<Map<String, AttributeValue>> batch = distinct.subList(from, Math.min(distinct.size(), from + BATCH_GET_LIMIT));
            Map<String, KeysAndAttributes> request = Map.of(table.name(), KeysAndAttributes.builder().keys(batch).consistentRead(consistent).build());
            Duration pause = FIRST_PAUSE;
            for (int round = 1; !request.isEmpty(); round++) {
                if (round > MAX_ROUNDS) {
                    throw new IllegalStateException("DynamoDB left " + request.get(table.name()).keys().size()
                            + " keys unprocessed after " + MAX_ROUNDS + " batch reads");
                }
                if (round > 1) {
                    pauses.pauseOrGiveUp(pause);
                    pause = pause.multipliedBy(2);
                }
                Map<String, KeysAndAttributes> pending = request;
                BatchGetItemResponse response = table.client().batchGetItem(b -> b.requestItems(pending));
                found.addAll(response.responses().getOrDefault(table.name(), List.of()));
                request = response.hasUnprocessedKeys() && !response.unprocessedKeys().isEmpty()
                        ? response.unprocessedKeys() : Map.of();
            }
        }
        return found;
    }
}
