package br.com.healthmed.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.healthmed.support.Dynalite;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Batch writes against dynalite, with DynamoDB's throttling played by an interceptor on the client. */
class BatchWritesTest {

    @Test
    void writesInRequestsOf25AndSendsAgainWhatIsLeftUnprocessedAfterADoublingPause() {
        Throttle throttle = new Throttle(3, 10);
        List<Duration> pauses = new CopyOnWriteArrayList<>();
        try (DynamoDbClient client = Dynalite.clientWith(throttle)) {
            DynamoTable table = new DynamoTable(client, "test-" + UUID.randomUUID()).createIfMissing();
            List<Map<String, AttributeValue>> items = items(60);

            BatchWrites.putAll(table, items, pauses::add);

            assertThat(BatchReads.consistentItems(table, items.stream().map(BatchWritesTest::keyOf).toList()))
                    .as("every item stored, those left unprocessed too").containsExactlyInAnyOrderElementsOf(items);
            assertThat(throttle.sent).as("puts per request").containsExactly(25, 15, 5, 25, 10);
            assertThat(pauses).containsExactly(Duration.ofMillis(40), Duration.ofMillis(80));
        }
    }

    @Test
    void givesUpWhenWritesStayUnprocessed() {
        Throttle throttle = new Throttle(Integer.MAX_VALUE, 0);
        List<Duration> pauses = new CopyOnWriteArrayList<>();
        try (DynamoDbClient client = Dynalite.clientWith(throttle)) {
            DynamoTable table = new DynamoTable(client, "test-" + UUID.randomUUID()).createIfMissing();

            assertThatThrownBy(() -> BatchWrites.putAll(table, items(3), pauses::add))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("3 writes unprocessed");
            assertThat(throttle.sent).hasSize(BatchWrites.MAX_ATTEMPTS);
            assertThat(pauses).containsExactly(Duration.ofMillis(40), Duration.ofMillis(80), Duration.ofMillis(160),
                    Duration.ofMillis(320), Duration.ofMillis(640), Duration.ofSeconds(1), Duration.ofSeconds(1),
                    Duration.ofSeconds(1), Duration.ofSeconds(1));
        }
    }

    private static List<Map<String, AttributeValue>> items(int count) {
        return IntStream.range(0, count).mapToObj(i -> Map.of(
                Keys.PK, AttributeValue.fromS("BATCH#" + UUID.randomUUID()), Keys.SK, AttributeValue.fromS("ITEM"),
                "n", AttributeValue.fromN(Integer.toString(i)))).toList();
    }

    private static Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
        return Map.of(Keys.PK, item.get(Keys.PK), Keys.SK, item.get(Keys.SK));
    }

    /**
     * Plays DynamoDB under throttling: for its first {@code rounds} batch writes, writes only the first
     * {@code keep} puts of a request and hands the others back as unprocessed. With {@code keep} 0 it writes
     * them all and still hands them all back (DynamoDB refuses an empty request): a write that never gets through.
     */
    private static final class Throttle implements ExecutionInterceptor {

        private record Withheld(String table, List<WriteRequest> writes) {}

        private static final ExecutionAttribute<Withheld> WITHHELD = new ExecutionAttribute<>("test.batch-writes.withheld");

        private final int rounds;
        private final int keep;
        /** How many puts each batch write asked for, as the code under test sent it. */
        final List<Integer> sent = new CopyOnWriteArrayList<>();

        Throttle(int rounds, int keep) {
            this.rounds = rounds;
            this.keep = keep;
        }

        @Override
        public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
            if (!(context.request() instanceof BatchWriteItemRequest request)) {
                return context.request();
            }
            String table = request.requestItems().keySet().iterator().next();
            List<WriteRequest> writes = request.requestItems().get(table);
            sent.add(writes.size());
            if (sent.size() > rounds || writes.size() <= keep && keep > 0) {
                return request;
            }
            attributes.putAttribute(WITHHELD, new Withheld(table, List.copyOf(writes.subList(keep, writes.size()))));
            return keep == 0 ? request : request.toBuilder().requestItems(Map.of(table, writes.subList(0, keep))).build();
        }

        @Override
        public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
            Withheld withheld = attributes.getAttribute(WITHHELD);
            if (withheld == null || !(context.response() instanceof BatchWriteItemResponse response)) {
                return context.response();
            }
            return response.toBuilder().unprocessedItems(Map.of(withheld.table(), withheld.writes())).build();
        }
    }
}
