package br.com.healthmed.consent.store;

import static br.com.healthmed.platform.storage.Attributes.instant;
import static br.com.healthmed.platform.storage.Attributes.optionalInstant;
import static br.com.healthmed.platform.storage.Attributes.optionalString;
import static br.com.healthmed.platform.storage.Attributes.s;
import static br.com.healthmed.platform.storage.Attributes.string;

import br.com.healthmed.consent.ConsentAcceptance;
import br.com.healthmed.consent.ConsentStore;
import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.storage.BatchReads;
import br.com.healthmed.platform.storage.DynamoTable;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Consent acceptances in DynamoDB: one item per patient and version,
 * {@code CONSENT#<patient>} / {@code TCLE#<version>}, written only when none is in force
 * ({@code attribute_not_exists(PK) OR attribute_exists(withdrawnAt)}): the first acceptance of a
 * version is the one kept, and a retried write finds it. A withdrawal sets {@code withdrawnAt}.
 */
class DynamoConsentStore implements ConsentStore {

    private final DynamoTable table;

    DynamoConsentStore(DynamoTable table) {
        this.table = table;
    }

    @Override
    public ConsentAcceptance accept(ConsentAcceptance acceptance) {
        Map<String, AttributeValue> item = new HashMap<>(ConsentKeys.teleconsultation(acceptance.patient().toString(), acceptance.version()));
        item.put("type", s("CONSENT"));
        item.put("patient", s(acceptance.patient().toString()));
        item.put("version", s(acceptance.version()));
        item.put("textSha256", s(acceptance.textSha256()));
        item.put("acceptedAt", instant(acceptance.acceptedAt()));
        acceptance.clientAddress().ifPresent(address -> item.put("clientAddress", s(address)));
        try {
            table.client().putItem(b -> b.tableName(table.name()).item(item)
                    .conditionExpression("attribute_not_exists(PK) OR attribute_exists(withdrawnAt)"));
            return acceptance;
        } catch (ConditionalCheckFailedException alreadyAccepted) {
            return find(acceptance.patient(), acceptance.version()).orElseThrow();
        }
    }

    @Override
    public boolean withdraw(AccountId patient, String version, Instant at) {
        try {
            table.client().updateItem(b -> b.tableName(table.name()).key(ConsentKeys.teleconsultation(patient.toString(), version))
                    .updateExpression("SET withdrawnAt = :at")
                    .conditionExpression("attribute_exists(PK) AND attribute_not_exists(withdrawnAt)")
                    .expressionAttributeValues(Map.of(":at", instant(at))));
            return true;
        } catch (ConditionalCheckFailedException noneInForce) {
            return false;
        }
    }

    @Override
    public Optional<ConsentAcceptance> find(AccountId patient, String version) {
        return table.item(ConsentKeys.teleconsultation(patient.toString(), version)).map(DynamoConsentStore::toAcceptance);
    }

    @Override
    public Map<AccountId, ConsentAcceptance> findAll(Collection<AccountId> patients, String version) {
        Map<AccountId, ConsentAcceptance> found = new HashMap<>();
        BatchReads.items(table, patients.stream().map(p -> ConsentKeys.teleconsultation(p.toString(), version)).toList())
                .stream().map(DynamoConsentStore::toAcceptance).forEach(a -> found.put(a.patient(), a));
        return found;
    }

    private static ConsentAcceptance toAcceptance(Map<String, AttributeValue> item) {
        return new ConsentAcceptance(AccountId.of(string(item, "patient")), string(item, "version"), string(item, "textSha256"),
                instant(item, "acceptedAt"), optionalString(item, "clientAddress"), optionalInstant(item, "withdrawnAt"));
    }
}
