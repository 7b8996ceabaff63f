package br.com.healthmed.records.store;

import static br.com.healthmed.platform.storage.Attributes.instant;
import static br.com.healthmed.platform.storage.Attributes.optionalString;
import static br.com.healthmed.platform.storage.Attributes.s;
import static br.com.healthmed.platform.storage.Attributes.string;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.security.Role;
import br.com.healthmed.platform.storage.DynamoTable;
import br.com.healthmed.platform.storage.Keys;
import br.com.healthmed.records.AccessAction;
import br.com.healthmed.records.AccessLogEntry;
import br.com.healthmed.records.AccessLogStore;
import br.com.healthmed.records.FileId;
import br.com.healthmed.records.GrantId;
import br.com.healthmed.records.Page;
import br.com.healthmed.records.Positions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The access log in DynamoDB: {@code RECORDLOG#<patient>} / {@code <at>#<entry id>}, a partition of its
 * own so reading a record's groups and shares never reads its log. Entries are put only where none
 * exists and carry no {@code ttl}: nothing ever changes or expires them.
 */
class DynamoAccessLogStore implements AccessLogStore {

    private final DynamoTable table;

    DynamoAccessLogStore(DynamoTable table) {
        this.table = table;
    }

    @Override
    public void append(AccessLogEntry entry) {
        Map<String, AttributeValue> item = new HashMap<>(
                Keys.accessLogEntry(entry.patient().toString(), Positions.of(entry.at(), entry.id())));
        item.put("type", s("ACCESS_LOG"));
        item.put("at", instant(entry.at()));
        item.put("action", s(entry.action().name()));
        entry.actor().ifPresent(actor -> item.put("actor", s(actor.toString())));
        entry.actorRole().ifPresent(role -> item.put("actorRole", s(role.name())));
        entry.file().ifPresent(file -> item.put("file", s(file.toString())));
        entry.fileName().ifPresent(name -> item.put("fileName", s(name)));
        entry.grant().ifPresent(grant -> item.put("grant", s(grant.toString())));
        entry.shareName().ifPresent(name -> item.put("shareName", s(name)));
        entry.sharedWith().ifPresent(doctor -> item.put("sharedWith", s(doctor.toString())));
        item.put("clientAddress", s(entry.clientAddress()));
        try {
            table.client().putItem(b -> b.tableName(table.name()).item(item).conditionExpression("attribute_not_exists(PK)"));
        } catch (ConditionalCheckFailedException written) {
            // this very entry, written by an attempt whose response was lost: entry ids are random
        }
    }

    @Override
    public Page<AccessLogEntry> entries(AccountId patient, int limit, Optional<String> after) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", s(Keys.accessLog(patient.toString())));
        after.ifPresent(position -> values.put(":after", s(position)));
        String condition = after.isPresent() ? "PK = :pk AND SK < :after" : "PK = :pk";
        List<Map<String, AttributeValue>> items = DynamoQueries.items(table, b -> b.consistentRead(true)
                .keyConditionExpression(condition).scanIndexForward(false).limit(limit + 1)
                .expressionAttributeValues(values), limit + 1);
        List<Map<String, AttributeValue>> page = items.subList(0, Math.min(limit, items.size()));
        return new Page<>(page.stream().map(item -> toEntry(patient, item)).toList(),
                items.size() > limit ? Optional.of(string(page.get(page.size() - 1), Keys.SK)) : Optional.empty());
    }

    private static AccessLogEntry toEntry(AccountId patient, Map<String, AttributeValue> item) {
        return new AccessLogEntry(
                Positions.id(string(item, Keys.SK)),
                patient,
                instant(item, "at"),
                AccessAction.valueOf(string(item, "action")),
                optionalString(item, "actor").map(AccountId::of),
                optionalString(item, "actorRole").map(Role::valueOf),
                optionalString(item, "file").map(FileId::of),
                optionalString(item, "fileName"),
                optionalString(item, "grant").map(GrantId::of),
                optionalString(item, "shareName"),
                optionalString(item, "sharedWith").map(AccountId::of),
                string(item, "clientAddress"));
    }
}
