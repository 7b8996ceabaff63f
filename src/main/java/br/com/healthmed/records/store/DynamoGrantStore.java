package br.com.healthmed.records.store;

import static br.com.healthmed.platform.storage.Attributes.bool;
import static br.com.healthmed.platform.storage.Attributes.instant;
import static br.com.healthmed.platform.storage.Attributes.optionalInstant;
import static br.com.healthmed.platform.storage.Attributes.optionalString;
import static br.com.healthmed.platform.storage.Attributes.s;
import static br.com.healthmed.platform.storage.Attributes.string;
import static br.com.healthmed.records.store.DynamoQueries.stringSet;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.storage.DynamoTable;
import br.com.healthmed.platform.storage.Keys;
import br.com.healthmed.records.FileId;
import br.com.healthmed.records.Grant;
import br.com.healthmed.records.GrantId;
import br.com.healthmed.records.GrantStore;
import br.com.healthmed.records.GroupId;
import br.com.healthmed.platform.storage.TimePositions;
import br.com.healthmed.records.ShareScope;
import br.com.healthmed.scheduling.AppointmentId;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Grants in DynamoDB, in the patient's partition: {@code RECORD#<patient>} / {@code GRANT#<doctor>#<grant>},
 * so the grants between one patient and one doctor — what every access check needs — are one
 * consistent query. An unrevoked grant also carries {@code GSI1PK = DOCTOR#<doctor>#SHARES} and
 * {@code GSI1SK = <expires at>#<grant>}: a doctor's unexpired shares are one index query with
 * {@code GSI1SK > now}. Revoking removes the index keys. No {@code ttl}: ended shares stay on record.
 */
class DynamoGrantStore implements GrantStore {

    private final DynamoTable table;

    DynamoGrantStore(DynamoTable table) {
        this.table = table;
    }

    @Override
    public boolean create(Grant grant) {
        Map<String, AttributeValue> item = new HashMap<>(key(grant));
        item.put("type", s("GRANT"));
        item.put("grantId", s(grant.id().toString()));
        item.put("patient", s(grant.patient().toString()));
        item.put("doctor", s(grant.doctor().toString()));
        item.put("allFiles", bool(grant.scope().allFiles()));
        if (!grant.scope().files().isEmpty()) {
            item.put("files", AttributeValue.fromSs(grant.scope().files().stream().map(FileId::toString).toList()));
        }
        if (!grant.scope().groups().isEmpty()) {
            item.put("groups", AttributeValue.fromSs(grant.scope().groups().stream().map(GroupId::toString).toList()));
        }
        if (grant.scope().allNotes()) {
            item.put("allNotes", bool(true));
        }
        if (!grant.scope().appointments().isEmpty()) {
            item.put("appointments", AttributeValue.fromSs(grant.scope().appointments().stream().map(AppointmentId::toString).toList()));
        }
        grant.note().ifPresent(note -> item.put("note", s(note)));
        item.put("createdAt", instant(grant.createdAt()));
        item.put("expiresAt", instant(grant.expiresAt()));
        grant.revokedAt().ifPresent(at -> item.put("revokedAt", instant(at)));
        if (grant.revokedAt().isEmpty()) {
            item.put(Keys.GSI1PK, s(RecordKeys.sharesWith(grant.doctor().toString())));
            item.put(Keys.GSI1SK, s(TimePositions.of(grant.expiresAt(), grant.id().value())));
        }
        return table.putIfAbsent(item);
    }

    @Override
    public Optional<Grant> grant(AccountId patient, GrantId id) {
        // The id alone does not give the sort key (it starts with the doctor): read the record's grants.
        return grantsOf(patient).stream().filter(grant -> grant.id().equals(id)).findFirst();
    }

    @Override
    public List<Grant> grantsOf(AccountId patient) {
        return query(patient, RecordKeys.GRANTS).stream()
                .sorted(Comparator.comparing(Grant::createdAt).reversed().thenComparing(grant -> grant.id().value()))
                .toList();
    }

    @Override
    public List<Grant> grantsBetween(AccountId patient, AccountId doctor) {
        return query(patient, RecordKeys.grantsTo(doctor.toString()));
    }

    @Override
    public List<Grant> activeGrantsTo(AccountId doctor, Instant now) {
        return DynamoQueries.all(table, b -> b.indexName(Keys.GSI1)
                        .keyConditionExpression("GSI1PK = :pk AND GSI1SK > :now")
                        .expressionAttributeValues(Map.of(":pk", s(RecordKeys.sharesWith(doctor.toString())),
                                ":now", s(TimePositions.instant(now)))))
                .stream().map(DynamoGrantStore::toGrant)
                .filter(grant -> grant.activeAt(now))
                .toList();
    }

    @Override
    public boolean revoke(AccountId patient, GrantId id, Instant at) {
        Optional<Grant> grant = grant(patient, id);
        if (grant.isEmpty()) {
            return false;
        }
        try {
            table.client().updateItem(b -> b.tableName(table.name()).key(key(grant.get()))
                    .updateExpression("SET revokedAt = :at REMOVE GSI1PK, GSI1SK")
                    .conditionExpression("attribute_exists(PK) AND attribute_not_exists(revokedAt)")
                    .expressionAttributeValues(Map.of(":at", instant(at))));
        } catch (ConditionalCheckFailedException alreadyRevoked) {
            // revoked before (or by this very call, retried after a lost response): it stays revoked
        }
        return true;
    }

    private List<Grant> query(AccountId patient, String sortKeyPrefix) {
        return DynamoQueries.all(table, b -> b.consistentRead(true)
                        .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                        .expressionAttributeValues(Map.of(":pk", s(RecordKeys.record(patient.toString())), ":prefix", s(sortKeyPrefix))))
                .stream().map(DynamoGrantStore::toGrant).toList();
    }

    private static Map<String, AttributeValue> key(Grant grant) {
        return RecordKeys.grant(grant.patient().toString(), grant.doctor().toString(), grant.id().toString());
    }

    private static Grant toGrant(Map<String, AttributeValue> item) {
        return new Grant(
                GrantId.of(string(item, "grantId")),
                AccountId.of(string(item, "patient")),
                AccountId.of(string(item, "doctor")),
                new ShareScope(bool(item, "allFiles"),
                        stringSet(item, "files").stream().map(FileId::of).collect(Collectors.toSet()),
                        stringSet(item, "groups").stream().map(GroupId::of).collect(Collectors.toSet()),
                        item.containsKey("allNotes") && bool(item, "allNotes"),
                        stringSet(item, "appointments").stream().map(id -> AppointmentId.of(id))
                                .collect(Collectors.toSet())),
                optionalString(item, "note"),
                instant(item, "createdAt"),
                instant(item, "expiresAt"),
                optionalInstant(item, "revokedAt"));
    }
}
