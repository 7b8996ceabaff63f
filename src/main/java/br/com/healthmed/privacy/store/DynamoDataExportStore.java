package br.com.healthmed.privacy.store;

import static br.com.healthmed.platform.storage.Attributes.instant;
import static br.com.healthmed.platform.storage.Attributes.optionalInstant;
import static br.com.healthmed.platform.storage.Attributes.s;
import static br.com.healthmed.platform.storage.Attributes.string;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.security.Role;
import br.com.healthmed.platform.storage.Attributes;
import br.com.healthmed.platform.storage.DynamoTable;
import br.com.healthmed.platform.storage.Keys;
import br.com.healthmed.privacy.DataExport;
import br.com.healthmed.privacy.DataExportStatus;
import br.com.healthmed.privacy.DataExportStore;
import br.com.healthmed.records.ObjectKey;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Copies of people's data in the single table: the account's running marker (the commit point of "one
 * at a time"), one item per copy, in GSI2 under {@link PrivacyKeys#EXPORTS_PENDING} while it is built
 * and under {@link PrivacyKeys#EXPORTS_STORED} (by expiry) while its bytes are stored.
 */
class DynamoDataExportStore implements DataExportStore {

    private final DynamoTable table;

    DynamoDataExportStore(DynamoTable table) {
        this.table = table;
    }

    @Override
    public Optional<Running> running(AccountId account) {
        return table.item(PrivacyKeys.exportRunning(account.toString()))
                .map(item -> new Running(UUID.fromString(string(item, "exportId")), instant(item, "since")));
    }

    @Override
    public boolean claim(AccountId account, UUID exportId, Optional<UUID> over, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(PrivacyKeys.exportRunning(account.toString()));
        item.put("type", s("DATA_EXPORT_RUNNING"));
        item.put("exportId", s(exportId.toString()));
        item.put("since", instant(now));
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":mine", s(exportId.toString()));
        over.ifPresent(stale -> values.put(":stale", s(stale.toString())));
        // ":mine": a retry of our own claim (a lost response) finds our marker, and it stays ours.
        String condition = "attribute_not_exists(PK) OR exportId = :mine" + (over.isPresent() ? " OR exportId = :stale" : "");
        try {
            table.client().putItem(b -> b.tableName(table.name()).item(item)
                    .conditionExpression(condition)
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException heldByAnother) {
            return false;
        }
    }

    @Override
    public void release(AccountId account, UUID exportId) {
        try {
            table.client().deleteItem(b -> b.tableName(table.name()).key(PrivacyKeys.exportRunning(account.toString()))
                    .conditionExpression("exportId = :id")
                    .expressionAttributeValues(Map.of(":id", s(exportId.toString()))));
        } catch (ConditionalCheckFailedException notOurs) {
            // gone already, or another copy's now
        }
    }

    @Override
    public void create(DataExport export) {
        Map<String, AttributeValue> item = new HashMap<>(PrivacyKeys.export(export.id().toString()));
        item.put("type", s("DATA_EXPORT"));
        item.put("account", s(export.account().toString()));
        item.put("role", s(export.role().name()));
        item.put("status", s(export.status().name()));
        item.put("requestedAt", instant(export.requestedAt()));
        item.put("objectKey", s(export.objectKey().value()));
        item.put("attempts", AttributeValue.fromN(Integer.toString(export.attempts())));
        item.put(Keys.GSI2PK, s(PrivacyKeys.EXPORTS_PENDING));
        item.put(Keys.GSI2SK, s(PrivacyKeys.position(export.requestedAt(), export.id().toString())));
        try {
            table.client().putItem(b -> b.tableName(table.name()).item(item).conditionExpression("attribute_not_exists(PK)"));
        } catch (ConditionalCheckFailedException storedAlready) {
            // the same copy (ids are random): a retried write
        }
    }

    @Override
    public Optional<DataExport> find(UUID id) {
        return table.item(PrivacyKeys.export(id.toString())).map(DynamoDataExportStore::toExport);
    }

    @Override
    public Optional<Integer> startAttempt(UUID id) {
        try {
            Map<String, AttributeValue> now = table.client().updateItem(b -> b.tableName(table.name())
                    .key(PrivacyKeys.export(id.toString()))
                    .updateExpression("ADD attempts :one")
                    .conditionExpression("#status = :pending")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"), ":pending", s(DataExportStatus.PENDING.name())))
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            return Optional.of(Integer.parseInt(now.get("attempts").n()));
        } catch (ConditionalCheckFailedException notPending) {
            return Optional.empty();
        }
    }

    @Override
    public boolean markReady(UUID id, Instant readyAt, Instant expiresAt, long sizeBytes) {
        return fromPending(id, "SET #status = :ready, readyAt = :at, expiresAt = :expires, sizeBytes = :size, "
                        + "GSI2PK = :stored, GSI2SK = :position, #ttl = :ttl",
                Map.of(":ready", s(DataExportStatus.READY.name()), ":at", instant(readyAt), ":expires", instant(expiresAt),
                        ":size", AttributeValue.fromN(Long.toString(sizeBytes)), ":stored", s(PrivacyKeys.EXPORTS_STORED),
                        ":position", s(PrivacyKeys.position(expiresAt, id.toString())),
                        // DynamoDB may drop the item a year after its expiry; its bytes are gone long before.
                        ":ttl", Attributes.epochSeconds(expiresAt.plus(java.time.Duration.ofDays(365)))));
    }

    @Override
    public boolean markFailed(UUID id) {
        return fromPending(id, "SET #status = :failed REMOVE GSI2PK, GSI2SK", Map.of(":failed", s(DataExportStatus.FAILED.name())));
    }

    private boolean fromPending(UUID id, String update, Map<String, AttributeValue> values) {
        Map<String, AttributeValue> withPending = new HashMap<>(values);
        withPending.put(":pending", s(DataExportStatus.PENDING.name()));
        Map<String, String> names = update.contains("#ttl") ? Map.of("#status", "status", "#ttl", Attributes.TTL) : Map.of("#status", "status");
        try {
            table.client().updateItem(b -> b.tableName(table.name()).key(PrivacyKeys.export(id.toString()))
                    .updateExpression(update)
                    .conditionExpression("#status = :pending")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(withPending));
            return true;
        } catch (ConditionalCheckFailedException notPending) {
            return false;
        }
    }

    @Override
    public List<DataExport> pendingSince(Instant before, int limit) {
        return indexed(PrivacyKeys.EXPORTS_PENDING, before, limit);
    }

    @Override
    public List<DataExport> expiredBy(Instant now, int limit) {
        return indexed(PrivacyKeys.EXPORTS_STORED, now, limit);
    }

    private List<DataExport> indexed(String partition, Instant before, int limit) {
        return table.client().query(b -> b.tableName(table.name()).indexName(Keys.GSI2)
                        .keyConditionExpression("GSI2PK = :pk AND GSI2SK < :before")
                        .expressionAttributeValues(Map.of(":pk", s(partition), ":before", s(PrivacyKeys.position(before, ""))))
                        .limit(limit))
                .items().stream().map(DynamoDataExportStore::toExport).toList();
    }

    @Override
    public void markDeleted(UUID id) {
        table.client().updateItem(b -> b.tableName(table.name()).key(PrivacyKeys.export(id.toString()))
                .updateExpression("SET bytesDeleted = :yes REMOVE GSI2PK, GSI2SK")
                .conditionExpression("attribute_exists(PK)")
                .expressionAttributeValues(Map.of(":yes", AttributeValue.fromBool(true))));
    }

    private static DataExport toExport(Map<String, AttributeValue> item) {
        return new DataExport(UUID.fromString(PrivacyKeys.exportIdOf(string(item, Keys.PK))),
                AccountId.of(string(item, "account")), Role.valueOf(string(item, "role")),
                DataExportStatus.valueOf(string(item, "status")), instant(item, "requestedAt"),
                optionalInstant(item, "readyAt"), optionalInstant(item, "expiresAt"), new ObjectKey(string(item, "objectKey")),
                Optional.ofNullable(item.get("sizeBytes")).map(v -> Long.parseLong(v.n())),
                Integer.parseInt(item.get("attempts").n()));
    }
}
