package br.com.healthmed.platform.storage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The service's single DynamoDB table: every item has a string partition key {@link Keys#PK} and sort
 * key {@link Keys#SK}; {@link Keys} knows every key shape. Two overloaded global secondary indexes,
 * {@link Keys#GSI1} ({@code GSI1PK}/{@code GSI1SK}) and {@link Keys#GSI2} ({@code GSI2PK}/{@code GSI2SK}),
 * both projecting all attributes, serve the "list by another key" patterns of every module; an item
 * appears in an index only when it carries that index's key attributes.
 */
public record DynamoTable(DynamoDbClient client, String name) {

    /** The item with this key, read consistently (a login must see the registration that just happened). */
    public Optional<Map<String, AttributeValue>> item(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(name).key(key).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    /**
     * The items of a query on this table, page after page until {@code wanted} are in hand or none are
     * left (a page ends at DynamoDB's 1 MB or the query's limit, whichever comes first).
     */
    public List<Map<String, AttributeValue>> query(Consumer<QueryRequest.Builder> query, int wanted) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (QueryResponse page : pages(query)) {
            items.addAll(page.items());
            if (items.size() >= wanted) {
                break;
            }
        }
        return items.size() > wanted ? items.subList(0, wanted) : items;
    }

    /**
     * The pages of a query on this table, each asked for only when the one before has been read (the SDK's
     * paginator, which carries the last evaluated key on): for readers that act page by page or stop early.
     */
    public Iterable<QueryResponse> pages(Consumer<QueryRequest.Builder> query) {
        return client.queryPaginator(b -> {
            b.tableName(name);
            query.accept(b);
        });
    }

    /** Whether a query has more to read after {@code page} (which may end at 1 MB, or at the query's limit). */
    public static boolean hasMore(QueryResponse page) {
        return page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty();
    }

    /**
     * Writes {@code item} only if no item has its key yet: false (nothing written) if one does. Where an id
     * decides which request was first (or that a request is a retry of an earlier one).
     */
    public boolean putIfAbsent(Map<String, AttributeValue> item) {
        try {
            client.putItem(b -> b.tableName(name).item(item).conditionExpression("attribute_not_exists(PK)"));
            return true;
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException exists) {
            return false;
        }
    }

    /**
     * Optimistic concurrency for items that carry a {@code version}: writes {@code item} with
     * {@code version = readVersion + 1}, only if the stored item still has {@code readVersion} (0: only if
     * there is none yet). False when another writer came first; the caller reads again and retries.
     */
    public boolean putOverVersion(Map<String, AttributeValue> item, long readVersion) {
        Map<String, AttributeValue> versioned = new java.util.HashMap<>(item);
        versioned.put("version", AttributeValue.fromN(Long.toString(readVersion + 1)));
        try {
            client.putItem(b -> b.tableName(name).item(versioned)
                    .conditionExpression(readVersion == 0 ? "attribute_not_exists(PK)" : "version = :read")
                    .expressionAttributeValues(readVersion == 0 ? null : Map.of(":read", AttributeValue.fromN(Long.toString(readVersion)))));
            return true;
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException changedMeanwhile) {
            return false;
        }
    }

    /** Creates the table (on-demand capacity) unless it exists. For local runs and tests; Terraform owns it in AWS. */
    public DynamoTable createIfMissing() {
        try {
            client.describeTable(b -> b.tableName(name));
            return this;
        } catch (ResourceNotFoundException absent) {
            // create it below
        }
        try {
            client.createTable(b -> b.tableName(name)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(List.of(
                            stringAttribute(Keys.PK), stringAttribute(Keys.SK),
                            stringAttribute(Keys.GSI1PK), stringAttribute(Keys.GSI1SK),
                            stringAttribute(Keys.GSI2PK), stringAttribute(Keys.GSI2SK)))
                    .keySchema(keySchema(Keys.PK, Keys.SK))
                    .globalSecondaryIndexes(
                            index(Keys.GSI1, Keys.GSI1PK, Keys.GSI1SK),
                            index(Keys.GSI2, Keys.GSI2PK, Keys.GSI2SK)));
        } catch (ResourceInUseException createdMeanwhile) {
            // another instance created it first
        }
        // The SDK's default waiter polls every 20 s; a new on-demand table is usually active in seconds.
        try (DynamoDbWaiter waiter = DynamoDbWaiter.builder().client(client)
                .overrideConfiguration(o -> o.backoffStrategyV2(BackoffStrategy.fixedDelay(Duration.ofMillis(250)))
                        .maxAttempts(240))
                .build()) {
            waiter.waitUntilTableExists(b -> b.tableName(name));
        }
        return this;
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static List<KeySchemaElement> keySchema(String partitionKey, String sortKey) {
        return List.of(
                KeySchemaElement.builder().attributeName(partitionKey).keyType(KeyType.HASH).build(),
                KeySchemaElement.builder().attributeName(sortKey).keyType(KeyType.RANGE).build());
    }

    private static GlobalSecondaryIndex index(String name, String partitionKey, String sortKey) {
        return GlobalSecondaryIndex.builder().indexName(name)
                .keySchema(keySchema(partitionKey, sortKey))
                .projection(p -> p.projectionType(ProjectionType.ALL))
                .build();
    }
}
