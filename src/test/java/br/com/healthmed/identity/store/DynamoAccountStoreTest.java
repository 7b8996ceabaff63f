package br.com.healthmed.identity.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.healthmed.identity.Account;
import br.com.healthmed.identity.AccountId;
import br.com.healthmed.identity.AccountStore;
import br.com.healthmed.platform.storage.BatchReads;
import br.com.healthmed.platform.storage.DynamoTable;
import br.com.healthmed.support.Dynalite;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/** The production adapter against dynalite, a DynamoDB-compatible engine. */
class DynamoAccountStoreTest extends AccountStoreContract {

    private final AccountStore store = new DynamoAccountStore(Dynalite.newTable());

    @Override
    protected AccountStore store() {
        return store;
    }

    @Test
    void findAllBacksOffExponentiallyWhileKeysAreLeftUnprocessed() {
        Throttle throttle = new Throttle(3, 1);
        List<Duration> pauses = new CopyOnWriteArrayList<>();
        try (DynamoDbClient client = Dynalite.clientWith(throttle)) {
            DynamoAccountStore throttled = new DynamoAccountStore(
                    new DynamoTable(client, "test-" + java.util.UUID.randomUUID()).createIfMissing(), pauses::add);
            List<Account> created = accounts(5);
            created.forEach(throttled::create);

            Map<AccountId, Account> found = throttled.findAll(created.stream().map(Account::id).toList());

            assertThat(found.values()).containsExactlyInAnyOrderElementsOf(created);
            assertThat(throttle.calls()).isEqualTo(4);
            assertThat(pauses).containsExactly(Duration.ofMillis(20), Duration.ofMillis(40), Duration.ofMillis(80));
        }
    }

    @Test
    void findAllGivesUpWhenKeysStayUnprocessed() {
        Throttle throttle = new Throttle(Integer.MAX_VALUE, 0);
        List<Duration> pauses = new CopyOnWriteArrayList<>();
        try (DynamoDbClient client = Dynalite.clientWith(throttle)) {
            DynamoAccountStore throttled = new DynamoAccountStore(
                    new DynamoTable(client, "test-" + java.util.UUID.randomUUID()).createIfMissing(), pauses::add);
            List<Account> created = accounts(3);
            created.forEach(throttled::create);

            assertThatThrownBy(() -> throttled.findAll(created.stream().map(Account::id).toList()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("unprocessed");
            assertThat(throttle.calls()).isEqualTo(BatchReads.MAX_ROUNDS);
            assertThat(pauses).containsExactly(IntStream.range(0, BatchReads.MAX_ROUNDS - 1)
                    .mapToObj(i -> Duration.ofMillis(20L << i)).toArray(Duration[]::new));
        }
    }

    private static List<Account> accounts(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> (Account) (i % 2 == 0 ? patient(Optional.empty()) : doctor()))
                .toList();
    }

    /**
     * Plays DynamoDB under throttling: for its first {@code rounds} batch reads, keeps only
     * {@code keep} of the items found and hands the keys of the others back as unprocessed.
     */
    private static final class Throttle implements ExecutionInterceptor {

        private final int rounds;
        private final int keep;
        private final AtomicInteger calls = new AtomicInteger();

        Throttle(int rounds, int keep) {
            this.rounds = rounds;
            this.keep = keep;
        }

        int calls() {
            return calls.get();
        }

        @Override
        public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
            if (!(context.response() instanceof BatchGetItemResponse response)
                    || !(context.request() instanceof BatchGetItemRequest request)
                    || calls.incrementAndGet() > rounds) {
                return context.response();
            }
            String tableName = request.requestItems().keySet().iterator().next();
            List<Map<String, AttributeValue>> items = response.responses().getOrDefault(tableName, List.of());
            List<Map<String, AttributeValue>> kept = items.stream().limit(keep).toList();
            List<Map<String, AttributeValue>> withheld = new ArrayList<>();
            items.stream().skip(keep).forEach(item -> withheld.add(Map.of("PK", item.get("PK"), "SK", item.get("SK"))));
            return response.toBuilder()
                    .responses(Map.of(tableName, kept))
                    .unprocessedKeys(withheld.isEmpty() ? Map.of()
                            : Map.of(tableName, KeysAndAttributes.builder().keys(withheld).build()))
                    .build();
        }
    }
}
