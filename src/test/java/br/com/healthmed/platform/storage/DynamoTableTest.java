package br.com.healthmed.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.support.Dynalite;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

class DynamoTableTest {

    private final DynamoTable table = Dynalite.newTable();

    @Test
    void creates_both_overloaded_indexes_and_indexes_only_items_that_carry_their_keys() {
        table.client().putItem(b -> b.tableName(table.name()).item(Map.of(
                Keys.PK, s("A#1"), Keys.SK, s("X"), Keys.GSI1PK, s("BY#1"), Keys.GSI1SK, s("2026"))));
        table.client().putItem(b -> b.tableName(table.name()).item(Map.of(
                Keys.PK, s("A#2"), Keys.SK, s("X"), Keys.GSI2PK, s("BY#1"), Keys.GSI2SK, s("2027"))));

        var inFirst = table.client().query(b -> b.tableName(table.name()).indexName(Keys.GSI1)
                .keyConditionExpression("GSI1PK = :pk").expressionAttributeValues(Map.of(":pk", s("BY#1")))).items();
        var inSecond = table.client().query(b -> b.tableName(table.name()).indexName(Keys.GSI2)
                .keyConditionExpression("GSI2PK = :pk").expressionAttributeValues(Map.of(":pk", s("BY#1")))).items();

        assertThat(inFirst).extracting(item -> item.get(Keys.PK).s()).containsExactly("A#1");
        assertThat(inSecond).extracting(item -> item.get(Keys.PK).s()).containsExactly("A#2");
    }

    @Test
    void a_query_is_read_page_after_page_until_enough_items_are_in_hand_or_none_are_left() {
        for (int i = 0; i < 7; i++) {
            String sk = "ITEM#" + i;
            table.client().putItem(b -> b.tableName(table.name()).item(Map.of(Keys.PK, s("PAGED#1"), Keys.SK, s(sk))));
        }
        java.util.function.Consumer<software.amazon.awssdk.services.dynamodb.model.QueryRequest.Builder> threeAPage = b -> b
                .keyConditionExpression("PK = :pk").expressionAttributeValues(Map.of(":pk", s("PAGED#1"))).limit(3);

        List<QueryResponse> pages = new ArrayList<>();
        table.pages(threeAPage).forEach(pages::add);

        assertThat(pages).extracting(page -> page.items().size()).containsExactly(3, 3, 1);
        assertThat(pages).extracting(DynamoTable::hasMore).containsExactly(true, true, false);
        assertThat(table.query(threeAPage, 100)).extracting(item -> item.get(Keys.SK).s())
                .containsExactly("ITEM#0", "ITEM#1", "ITEM#2", "ITEM#3", "ITEM#4", "ITEM#5", "ITEM#6");
        assertThat(table.query(threeAPage, 5)).hasSize(5);
    }

    @Test
    void creating_an_existing_table_again_is_harmless() {
        assertThat(new DynamoTable(table.client(), table.name()).createIfMissing().name()).isEqualTo(table.name());
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
