package br.com.healthmed.records.store;

import static br.com.healthmed.platform.storage.Attributes.s;
import static br.com.healthmed.records.store.DynamoQueries.n;

import br.com.healthmed.platform.storage.DueAcrossShards;
import br.com.healthmed.platform.storage.DynamoTable;
import br.com.healthmed.records.ClinicalRecordEvent;
import br.com.healthmed.records.RecordNotice;
import br.com.healthmed.records.RecordNoticeStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The notices' outbox in DynamoDB: the sparse GSI2 partitions {@code RECORDNOTICES#<hex>} over the items
 * that carry a notice (see {@link NoticeAttributes}). Settling a notice removes the index keys from its
 * item (the note version or document stays, unchanged otherwise); each update is conditional on the
 * notice still being the one read, so a notice settled elsewhere meanwhile is left alone.
 */
class DynamoRecordNoticeStore implements RecordNoticeStore {

    private final DynamoTable table;

    DynamoRecordNoticeStore(DynamoTable table) {
        this.table = table;
    }

    @Override
    public List<RecordNotice> due(Instant now, int limit) {
        return DueAcrossShards.byGsi2Position(table, ClinicalKeys::notices, now, limit, NoticeAttributes::from);
    }

    @Override
    public void delivered(ClinicalRecordEvent event) {
        try {
            table.client().updateItem(b -> b.tableName(table.name()).key(NoticeAttributes.itemKey(event))
                    .updateExpression("REMOVE GSI2PK, GSI2SK")
                    .conditionExpression("noticeId = :id AND attribute_exists(GSI2PK)")
                    .expressionAttributeValues(Map.of(":id", s(event.id()))));
        } catch (ConditionalCheckFailedException settled) {
            // delivered and settled by another relay meanwhile
        }
    }

    @Override
    public void retryAt(ClinicalRecordEvent event, int attempts, Instant next) {
        try {
            table.client().updateItem(b -> b.tableName(table.name()).key(NoticeAttributes.itemKey(event))
                    .updateExpression("SET GSI2SK = :next, noticeAttempts = :attempts")
                    .conditionExpression("noticeId = :id AND attribute_exists(GSI2PK)")
                    .expressionAttributeValues(Map.of(":id", s(event.id()), ":attempts", n(attempts),
                            ":next", s(NoticeAttributes.sortKey(event, next)))));
        } catch (ConditionalCheckFailedException settled) {
            // delivered and settled by another relay meanwhile
        }
    }
}
