package br.com.healthmed.platform.storage;

import static br.com.healthmed.platform.storage.Attributes.instant;
import static br.com.healthmed.platform.storage.Attributes.s;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What a sweep finds due in a list kept in {@link Keys#HEX_SHARDS} partitions (an outbox, the markers of work to
 * redo): one query per shard, page after page, until {@code limit} items are in hand. The shards are walked from a
 * random one on: with more due than one batch, instances' sweeps start in different places. Each module names
 * its partitions ({@code partitionOfShard}, given a shard's hex digit) and turns the items into its own records
 * ({@code mapper}); the due condition comes in two shapes, one method each.
 */
public final class DueAcrossShards {

    private DueAcrossShards() {}

    /**
     * Up to {@code limit} items of the table partitions {@code partitionOfShard(hex)} whose {@code nextAttempt}
     * attribute ({@link Attributes#instant}) is at or before {@code now}: a filter, read consistently, so an
     * item a sweep just put off ({@code nextAttempt} moved on) is not handed out again.
     */
    public static <T> List<T> byNextAttempt(DynamoTable table, Function<String, String> partitionOfShard, Instant now,
                                            int limit, Function<Map<String, AttributeValue>, T> mapper) {
        return collect(partitionOfShard, limit, mapper, (partition, wanted) -> table.query(b -> b
                .keyConditionExpression("PK = :pk")
                .filterExpression("nextAttempt <= :now")
                .expressionAttributeValues(Map.of(":pk", s(partition), ":now", instant(now)))
                .consistentRead(true), wanted));
    }

    /**
     * Up to {@code limit} items of the sparse {@link Keys#GSI2} partitions {@code partitionOfShard(hex)} whose
     * {@code GSI2SK}, a {@link TimePositions} position of the next attempt, is at or before {@code now}: a key
     * condition (an index is read eventually consistently).
     */
    public static <T> List<T> byGsi2Position(DynamoTable table, Function<String, String> partitionOfShard, Instant now,
                                             int limit, Function<Map<String, AttributeValue>, T> mapper) {
        // due means at <= now: every position at now (whatever its id) sorts before now + 1 ns
        String until = TimePositions.instant(now.plusNanos(1));
        return collect(partitionOfShard, limit, mapper, (partition, wanted) -> table.query(b -> b.indexName(Keys.GSI2)
                .keyConditionExpression(Keys.GSI2PK + " = :pk AND " + Keys.GSI2SK + " < :until")
                .expressionAttributeValues(Map.of(":pk", s(partition), ":until", s(until)))
                .limit(wanted), wanted));
    }

    /** {@code query(partition, wanted)} answers at most {@code wanted} items of one shard's partition. */
    private static <T> List<T> collect(Function<String, String> partitionOfShard, int limit,
                                       Function<Map<String, AttributeValue>, T> mapper,
                                       BiFunction<String, Integer, List<Map<String, AttributeValue>>> query) {
        List<T> due = new ArrayList<>();
        int first = ThreadLocalRandom.current().nextInt(Keys.HEX_SHARDS);
        for (int i = 0; i < Keys.HEX_SHARDS && due.size() < limit; i++) {
            String partition = partitionOfShard.apply(Keys.hexShard((first + i) % Keys.HEX_SHARDS));
            query.apply(partition, limit - due.size()).stream().map(mapper).forEach(due::add);
        }
        return due;
    }
}
