package br.com.healthmed.records.store;

import static br.com.healthmed.platform.storage.Attributes.TTL;
import static br.com.healthmed.platform.storage.Attributes.epochSeconds;
import static br.com.healthmed.platform.storage.Attributes.instant;
import static br.com.healthmed.platform.storage.Attributes.optionalInstant;
import static br.com.healthmed.platform.storage.Attributes.optionalString;
import static br.com.healthmed.platform.storage.Attributes.s;
import static br.com.healthmed.platform.storage.Attributes.string;
import static br.com.healthmed.records.store.DynamoQueries.n;
import static br.com.healthmed.records.store.DynamoQueries.number;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.security.Role;
import br.com.healthmed.platform.storage.DynamoTable;
import br.com.healthmed.platform.storage.Keys;
import br.com.healthmed.records.AccessAction;
import br.com.healthmed.records.AccessLogEntry;
import br.com.healthmed.records.AccessLogStore;
import br.com.healthmed.records.FileId;
import br.com.healthmed.records.GrantId;
import br.com.healthmed.records.NoteId;
import br.com.healthmed.records.Page;
import br.com.healthmed.platform.storage.TimePositions;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * The access log in DynamoDB: {@code RECORDLOG#<patient>} / {@code <at>#<entry id>}, a partition of its
 * own so reading a record's groups and shares never reads its log. Entries are put only where none
 * exists, with a {@code ttl} of their instant plus the retention, so DynamoDB deletes them only after
 * it; the one change an entry sees is the count of a refusal repeated in a row. A caller's failed
 * look-ups are counted per window in {@code RECORDREFUSALS#<caller>} / {@code <window start>}, an
 * item that expires (ttl) a day after its window.
 */
class DynamoAccessLogStore implements AccessLogStore {

    private static final Duration COUNTER_CLEAN_UP = Duration.ofDays(1);

    private final DynamoTable table;
    private final Duration retention;

    DynamoAccessLogStore(DynamoTable table, Duration retention) {
        this.table = table;
        this.retention = retention;
    }

    @Override
    public void append(AccessLogEntry entry) {
        put(entry, Optional.empty());
    }

    @Override
    public void appendOrCountRepeat(AccessLogEntry entry, String repeatKey, Duration window) {
        Optional<Map<String, AttributeValue>> latest = DynamoQueries.items(table, b -> b.consistentRead(true)
                .keyConditionExpression("PK = :pk").scanIndexForward(false).limit(1)
                .expressionAttributeValues(Map.of(":pk", s(RecordKeys.accessLog(entry.patient().toString())))), 1).stream().findFirst();
        if (latest.isPresent() && optionalString(latest.get(), "repeatKey").filter(repeatKey::equals).isPresent()
                && entry.at().isBefore(instant(latest.get(), "at").plus(window))) {
            try {
                table.client().updateItem(b -> b.tableName(table.name())
                        .key(Map.of(Keys.PK, latest.get().get(Keys.PK), Keys.SK, latest.get().get(Keys.SK)))
                        .updateExpression("ADD #count :one SET lastAt = :at")
                        .conditionExpression("repeatKey = :key")
                        .expressionAttributeNames(Map.of("#count", "count"))
                        .expressionAttributeValues(Map.of(":one", n(1), ":at", instant(entry.at()), ":key", s(repeatKey))));
                return;
            } catch (ConditionalCheckFailedException gone) {
                // expired and deleted meanwhile: append a new entry
            }
        }
        put(entry, Optional.of(repeatKey));
    }

    @Override
    public long countFailedLookup(String caller, Instant windowStart, Duration window) {
        UpdateItemResponse counted = table.client().updateItem(b -> b.tableName(table.name())
                .key(RecordKeys.recordRefusals(caller, TimePositions.instant(windowStart)))
                .updateExpression("ADD #count :one SET #ttl = :ttl")
                .expressionAttributeNames(Map.of("#count", "count", "#ttl", TTL))
                .expressionAttributeValues(Map.of(":one", n(1), ":ttl", epochSeconds(windowStart.plus(window).plus(COUNTER_CLEAN_UP))))
                .returnValues(ReturnValue.UPDATED_NEW));
        return number(counted.attributes(), "count");
    }

    private void put(AccessLogEntry entry, Optional<String> repeatKey) {
        Map<String, AttributeValue> item = new HashMap<>(
                RecordKeys.accessLogEntry(entry.patient().toString(), TimePositions.of(entry.at(), entry.id())));
        item.put("type", s("ACCESS_LOG"));
        item.put("at", instant(entry.at()));
        item.put("action", s(entry.action().name()));
        entry.actor().ifPresent(actor -> item.put("actor", s(actor.toString())));
        entry.actorRole().ifPresent(role -> item.put("actorRole", s(role.name())));
        entry.file().ifPresent(file -> item.put("file", s(file.toString())));
        entry.fileName().ifPresent(name -> item.put("fileName", s(name)));
        entry.note().ifPresent(note -> item.put("note", s(note.toString())));
        entry.grant().ifPresent(grant -> item.put("grant", s(grant.toString())));
        entry.shareName().ifPresent(name -> item.put("shareName", s(name)));
        entry.sharedWith().ifPresent(doctor -> item.put("sharedWith", s(doctor.toString())));
        item.put("clientAddress", s(entry.clientAddress()));
        item.put("count", n(entry.count()));
        item.put("lastAt", instant(entry.lastAt()));
        repeatKey.ifPresent(key -> item.put("repeatKey", s(key)));
        item.put(TTL, epochSeconds(entry.at().plus(retention)));
        try {
            table.client().putItem(b -> b.tableName(table.name()).item(item).conditionExpression("attribute_not_exists(PK)"));
        } catch (ConditionalCheckFailedException written) {
            // this very entry, written by an attempt whose response was lost: entry ids are random
        }
    }

    @Override
    public Page<AccessLogEntry> entries(AccountId patient, Instant since, int limit, Optional<String> after) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", s(RecordKeys.accessLog(patient.toString())));
        after.ifPresent(position -> values.put(":after", s(position)));
        String condition = after.isPresent() ? "PK = :pk AND SK < :after" : "PK = :pk";
        // Newest first: the entries older than the retention, if any, come last; leave them out.
        String oldest = TimePositions.instant(since);
        List<Map<String, AttributeValue>> items = DynamoQueries.items(table, b -> b.consistentRead(true)
                        .keyConditionExpression(condition).scanIndexForward(false).limit(limit + 1)
                        .expressionAttributeValues(values), limit + 1).stream()
                .takeWhile(item -> string(item, Keys.SK).compareTo(oldest) >= 0).toList();
        List<Map<String, AttributeValue>> page = items.subList(0, Math.min(limit, items.size()));
        return new Page<>(page.stream().map(item -> toEntry(patient, item)).toList(),
                items.size() > limit ? Optional.of(string(page.get(page.size() - 1), Keys.SK)) : Optional.empty());
    }

    /** One ascending query from the later of the cursor and the retention's start (an instant sorts before its positions). */
    @Override
    public Page<AccessLogEntry> newer(AccountId patient, Instant since, int limit, Optional<String> before) {
        String oldest = TimePositions.instant(since);
        String from = before.filter(position -> position.compareTo(oldest) > 0).orElse(oldest);
        List<Map<String, AttributeValue>> items = DynamoQueries.items(table, b -> b.consistentRead(true)
                .keyConditionExpression("PK = :pk AND SK > :from").scanIndexForward(true).limit(limit + 1)
                .expressionAttributeValues(Map.of(":pk", s(RecordKeys.accessLog(patient.toString())), ":from", s(from))), limit + 1);
        List<Map<String, AttributeValue>> page = items.subList(0, Math.min(limit, items.size()));
        return new Page<>(page.stream().map(item -> toEntry(patient, item)).toList(),
                items.size() > limit ? Optional.of(string(page.get(page.size() - 1), Keys.SK)) : Optional.empty());
    }

    private static AccessLogEntry toEntry(AccountId patient, Map<String, AttributeValue> item) {
        return new AccessLogEntry(
                TimePositions.id(string(item, Keys.SK)),
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
                string(item, "clientAddress"),
                item.containsKey("count") ? (int) number(item, "count") : 1,
                optionalInstant(item, "lastAt").orElseGet(() -> instant(item, "at")),
                optionalString(item, "note").map(NoteId::of));
    }
}
