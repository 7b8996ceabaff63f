package br.com.healthmed.identity.store;

import br.com.healthmed.platform.storage.DynamoTable;
import br.com.healthmed.support.DynaliteStorage;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Registration races on the DynamoDB adapters, against dynalite; claims are counted by scanning the table. */
class DynamoRegistrationConcurrencyTest extends RegistrationConcurrencyContract {

    @DynamicPropertySource
    static void dynamo(DynamicPropertyRegistry registry) {
        DynaliteStorage.register(registry);
    }

    @Autowired
    DynamoTable table;

    @Override
    protected long loginClaimCount() {
        return table.client().scanPaginator(b -> b.tableName(table.name())
                        .filterExpression("begins_with(PK, :login)")
                        .expressionAttributeValues(Map.of(":login", AttributeValue.fromS("LOGIN#"))))
                .stream().mapToLong(page -> page.count()).sum();
    }
}
