package br.com.healthmed.records.store;

import br.com.healthmed.platform.storage.DynamoTable;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** Query helpers of the records adapters; {@link #items} reads page after page ({@link DynamoTable#query}). */
final class DynamoQueries {

    private DynamoQueries() {}

    static List<Map<String, AttributeValue>> items(DynamoTable table, Consumer<QueryRequest.Builder> query, int wanted) {
        return table.query(query, wanted);
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
