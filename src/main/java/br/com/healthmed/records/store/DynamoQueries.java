package br.com.healthmed.records.store;

import br.com.healthmed.platform.storage.DynamoTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** Reads a query page after page until {@code wanted} items are in hand or none are left. */
final class DynamoQueries {

    private DynamoQueries() {}

    static List<Map<String, AttributeValue>> items(DynamoTable table, Consumer<QueryRequest.Builder> query, int wanted) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = table.client().query(b -> {
                b.tableName(table.name());
                query.accept(b);
                if (from != null) {
                    b.exclusiveStartKey(from);
                }
            });
            items.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && items.size() < wanted);
        return items.size() > wanted ? items.subList(0, wanted) : items;
    }

    static List<Map<String, AttributeValue>> all(DynamoTable table, Consumer<QueryRequest.Builder> query) {
        return items(table, query, Integer.MAX_VALUE);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
    }

    static List<String> stringSet(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || !value.hasSs() ? List.of() : value.ss();
    }
}
