package br.com.healthmed.platform.storage;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The service's single DynamoDB table: every item has a string partition key {@link Keys#PK} and sort
 * key {@link Keys#SK}; {@link Keys} knows every key shape.
 */
public record DynamoTable(DynamoDbClient client, String name) {

    /** The item with this key, read consistently (a login must see the registration that just happened). */
    public Optional<Map<String, AttributeValue>> item(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(name).key(key).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
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
                            AttributeDefinition.builder().attributeName(Keys.PK).attributeType(ScalarAttributeType.S).build(),
                            AttributeDefinition.builder().attributeName(Keys.SK).attributeType(ScalarAttributeType.S).build()))
                    .keySchema(List.of(
                            KeySchemaElement.builder().attributeName(Keys.PK).keyType(KeyType.HASH).build(),
                            KeySchemaElement.builder().attributeName(Keys.SK).keyType(KeyType.RANGE).build())));
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
}
