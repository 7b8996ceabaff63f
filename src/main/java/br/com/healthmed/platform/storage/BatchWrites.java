package br.com.healthmed.platform.storage;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Puts many new items: {@code BatchWriteItem} in requests of 25 puts, sending again what DynamoDB leaves
 * unprocessed (throttling) after a pause that doubles from 40 ms up to 1 s, as AWS advises; a batch still left
 * unwritten after {@link #MAX_ATTEMPTS} requests fails. A batched put has no condition: for items nobody else
 * writes yet (random ids). As in {@link BatchReads}, each request is one call of the guarded client, so a GraphQL
 * request's {@link StorageDeadline} bounds every one of them and, once spent, fails the next at once
 * ({@link StorageGuard}).
 */
public final class BatchWrites {

    static final int BATCH_WRITE_LIMIT = 25;
    /** Batch writes per batch of items, the first included; the pauses between them add up to 5.24 s. */
    public static final int MAX_ATTEMPTS = 10;
    static final Duration LONGEST_PAUSE = Duration.ofSeconds(1);

    private BatchWrites() {}

    /** Stores every item (unconditional puts) before it returns. */
    public static void putAll(DynamoTable table, List<Map<String, AttributeValue>> items) {
        putAll(table, items, BatchPause.SLEEP);
    }

    /** As {@link #putAll(DynamoTable, List)}, waiting between requests as {@code pause} does. */
    public static void putAll(DynamoTable table, List<Map<String, AttributeValue>> items, BatchPause pause) {
        for (int from = 0; from < items.size(); from += BATCH_WRITE_LIMIT) {
            List<WriteRequest> writes = items.subList(from, Math.min(items.size(), from + BATCH_WRITE_LIMIT)).stream()
                    .map(item -> WriteRequest.builder().putRequest(p -> p.item(item)).build())
                    .toList();
            Map<String, List<WriteRequest>> left = Map.of(table.name(), writes);
            for (int attempt = 1; !left.isEmpty(); attempt++) {
                if (attempt > MAX_ATTEMPTS) {
                    throw new IllegalStateException("DynamoDB left " + left.values().stream().mapToInt(List::size).sum()
                            + " writes unprocessed after " + MAX_ATTEMPTS + " batch writes");
                }
                if (attempt > 1) {
                    pause.pauseOrGiveUp(pauseBefore(attempt));
                }
                Map<String, List<WriteRequest>> request = left;
                BatchWriteItemResponse response = table.client().batchWriteItem(b -> b.requestItems(request));
                left = response.hasUnprocessedItems() && !response.unprocessedItems().isEmpty()
                        ? response.unprocessedItems() : Map.of();
            }
        }
    }

    /** 40 ms before the second request, doubling, at most {@link #LONGEST_PAUSE}. */
    static Duration pauseBefore(int attempt) {
        return Duration.ofMillis(Math.min(LONGEST_PAUSE.toMillis(), 20L << Math.min(attempt - 1, 6)));
    }
}
