package br.com.healthmed.privacy.store;

import static br.com.healthmed.platform.storage.Attributes.bool;
import static br.com.healthmed.platform.storage.Attributes.instant;
import static br.com.healthmed.platform.storage.Attributes.optionalInstant;
import static br.com.healthmed.platform.storage.Attributes.optionalString;
import static br.com.healthmed.platform.storage.Attributes.s;
import static br.com.healthmed.platform.storage.Attributes.string;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.security.Role;
import br.com.healthmed.platform.storage.DynamoTable;
import br.com.healthmed.platform.storage.Keys;
import br.com.healthmed.privacy.AccountState;
import br.com.healthmed.privacy.AccountStatus;
import br.com.healthmed.privacy.DeactivationRecord;
import br.com.healthmed.privacy.DeactivationStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Deactivation states and records in the single table, one partition per account
 * ({@code INATIVACAO#<account>}): the state item (version-guarded), in GSI1 while its cascade is
 * pending and in GSI2 (by the end of the grace) while deactivated; the records beside it, each
 * written once ({@code attribute_not_exists}), no {@code ttl}.
 */
class DynamoDeactivationStore implements DeactivationStore {

    private final DynamoTable table;

    DynamoDeactivationStore(DynamoTable table) {
        this.table = table;
    }

    @Override
    public Optional<AccountState> state(AccountId account) {
        return table.item(PrivacyKeys.accountState(account.toString())).map(DynamoDeactivationStore::toState);
    }

    @Override
    public boolean save(AccountState state, long readVersion) {
        String id = state.account().toString();
        Map<String, AttributeValue> item = new HashMap<>(PrivacyKeys.accountState(id));
        item.put("type", s("ACCOUNT_STATE"));
        item.put("account", s(id));
        item.put("role", s(state.role().name()));
        item.put("status", s(state.status().name()));
        item.put("cascadeDone", AttributeValue.fromBool(state.cascadeDone()));
        state.requestId().ifPresent(r -> item.put("requestId", s(r.toString())));
        state.deactivatedAt().ifPresent(at -> item.put("deactivatedAt", instant(at)));
        state.graceEndsAt().ifPresent(at -> item.put("graceEndsAt", instant(at)));
        if (state.status() == AccountStatus.DEACTIVATED) {
            item.put(Keys.GSI2PK, s(PrivacyKeys.IN_GRACE));
            item.put(Keys.GSI2SK, s(PrivacyKeys.position(state.graceEndsAt().orElseThrow(), id)));
            if (!state.cascadeDone()) {
                item.put(Keys.GSI1PK, s(PrivacyKeys.CASCADES_PENDING));
                item.put(Keys.GSI1SK, s(PrivacyKeys.position(state.deactivatedAt().orElseThrow(), id)));
            }
        }
        return table.putOverVersion(item, readVersion);
    }

    @Override
    public List<AccountState> cascadesPending(int limit) {
        return table.client().query(b -> b.tableName(table.name()).indexName(Keys.GSI1)
                        .keyConditionExpression("GSI1PK = :pk")
                        .expressionAttributeValues(Map.of(":pk", s(PrivacyKeys.CASCADES_PENDING)))
                        .limit(limit))
                .items().stream().map(DynamoDeactivationStore::toState).toList();
    }

    @Override
    public List<AccountState> graceEndedBy(Instant now, int limit) {
        return table.client().query(b -> b.tableName(table.name()).indexName(Keys.GSI2)
                        .keyConditionExpression("GSI2PK = :pk AND GSI2SK < :now")
                        .expressionAttributeValues(Map.of(":pk", s(PrivacyKeys.IN_GRACE), ":now", s(PrivacyKeys.position(now, ""))))
                        .limit(limit))
                .items().stream().map(DynamoDeactivationStore::toState).toList();
    }

    @Override
    public void append(DeactivationRecord record) {
        Map<String, AttributeValue> item = new HashMap<>(PrivacyKeys.deactivationRecord(record.account().toString(),
                record.requestId().toString(), record.step().ordinal(), record.step().name()));
        item.put("type", s("DEACTIVATION_RECORD"));
        item.put("role", s(record.role().name()));
        item.put("at", instant(record.at()));
        record.reason().ifPresent(reason -> item.put("reason", s(reason)));
        record.clientAddress().ifPresent(address -> item.put("clientAddress", s(address)));
        if (!record.outcome().isEmpty()) {
            item.put("outcome", AttributeValue.fromM(record.outcome().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> s(e.getValue())))));
        }
        try {
            table.client().putItem(b -> b.tableName(table.name()).item(item).conditionExpression("attribute_not_exists(PK)"));
        } catch (ConditionalCheckFailedException writtenBefore) {
            // append-only: this step of this request is recorded already
        }
    }

    @Override
    public List<DeactivationRecord> recordsOf(AccountId account) {
        List<DeactivationRecord> found = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = table.client().query(b -> b.tableName(table.name()).consistentRead(true)
                    .keyConditionExpression("PK = :pk AND begins_with(SK, :records)")
                    .expressionAttributeValues(Map.of(":pk", s(PrivacyKeys.deactivation(account.toString())),
                            ":records", s(PrivacyKeys.RECORDS)))
                    .exclusiveStartKey(from));
            page.items().forEach(item -> found.add(toRecord(account, item)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        found.sort(Comparator.comparing(DeactivationRecord::at).thenComparing(DeactivationRecord::step));
        return found;
    }

    private static DeactivationRecord toRecord(AccountId account, Map<String, AttributeValue> item) {
        String[] parts = string(item, Keys.SK).split("#");
        Map<String, String> outcome = item.containsKey("outcome")
                ? item.get("outcome").m().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().s()))
                : Map.of();
        return new DeactivationRecord(UUID.fromString(parts[1]), DeactivationRecord.Step.valueOf(parts[3]), account,
                Role.valueOf(string(item, "role")), instant(item, "at"), optionalString(item, "reason"),
                optionalString(item, "clientAddress"), outcome);
    }

    private static AccountState toState(Map<String, AttributeValue> item) {
        return new AccountState(AccountId.of(string(item, "account")), Role.valueOf(string(item, "role")),
                AccountStatus.valueOf(string(item, "status")), optionalString(item, "requestId").map(UUID::fromString),
                optionalInstant(item, "deactivatedAt"), optionalInstant(item, "graceEndsAt"), bool(item, "cascadeDone"),
                Long.parseLong(item.get("version").n()));
    }
}
