package br.com.healthmed.platform.storage;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Readiness of the single table ({@code dynamodb} in {@code /actuator/health/readiness}): a
 * {@code DescribeTable} that answers with the table usable. Down when DynamoDB cannot be reached,
 * the role may not describe it, or the table is missing (a wrong {@code healthmed.dynamodb.table-name})
 * or being deleted. The IAM policy grants {@code dynamodb:DescribeTable} on this table alone.
 */
class DynamoTableHealthIndicator extends AbstractHealthIndicator {

    private final DynamoTable table;

    DynamoTableHealthIndicator(DynamoTable table) {
        super("DynamoDB table check failed");
        this.table = table;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        TableDescription description = table.client().describeTable(b -> b.tableName(table.name())).table();
        TableStatus status = description.tableStatus();
        boolean usable = status == TableStatus.ACTIVE || status == TableStatus.UPDATING;
        (usable ? builder.up() : builder.down()).withDetail("status", String.valueOf(status));
    }
}
