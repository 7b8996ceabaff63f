package br.com.healthmed.identity.store;

import static br.com.healthmed.platform.storage.Attributes.TTL;
import static br.com.healthmed.platform.storage.Attributes.epochSeconds;
import static br.com.healthmed.platform.storage.Attributes.instant;
import static br.com.healthmed.platform.storage.Attributes.optionalInstant;
import static br.com.healthmed.platform.storage.Attributes.s;
import static br.com.healthmed.platform.storage.Attributes.string;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.identity.Email;
import br.com.healthmed.identity.EmailCodeStore;
import br.com.healthmed.platform.storage.DynamoTable;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Pending e-mail codes in DynamoDB: {@code EMAILCODE#<account>} / {@code <purpose>}, one item per
 * purpose that a new code overwrites; used by one conditional update on the code's id. The item
 * carries a {@code ttl} a week past the code's expiry, so that a late attempt still learns the code
 * expired (rather than that there is none) before DynamoDB deletes it.
 */
class DynamoEmailCodeStore implements EmailCodeStore {

    static final Duration KEPT_AFTER_EXPIRY = Duration.ofDays(7);

    private final DynamoTable table;

    DynamoEmailCodeStore(DynamoTable table) {
        this.table = table;
    }

    @Override
    public void put(PendingCode code) {
        Map<String, AttributeValue> item = new HashMap<>(IdentityKeys.emailCode(code.account().toString(), code.purpose().name()));
        item.put("type", s("EMAIL_CODE"));
        item.put("codeId", s(code.id()));
        item.put("email", s(code.email().value()));
        item.put("codeHash", s(code.codeHash()));
        item.put("issuedAt", instant(code.issuedAt()));
        item.put("expiresAt", instant(code.expiresAt()));
        code.usedAt().ifPresent(at -> item.put("usedAt", instant(at)));
        item.put(TTL, epochSeconds(code.expiresAt().plus(KEPT_AFTER_EXPIRY)));
        table.client().putItem(b -> b.tableName(table.name()).item(item));
    }

    @Override
    public Optional<PendingCode> find(AccountId account, Purpose purpose) {
        return table.item(IdentityKeys.emailCode(account.toString(), purpose.name())).map(item -> new PendingCode(account, purpose,
                string(item, "codeId"), new Email(string(item, "email")), string(item, "codeHash"), instant(item, "issuedAt"),
                instant(item, "expiresAt"), optionalInstant(item, "usedAt")));
    }

    @Override
    public boolean markUsed(AccountId account, Purpose purpose, String codeId, Instant at) {
        try {
            table.client().updateItem(b -> b.tableName(table.name()).key(IdentityKeys.emailCode(account.toString(), purpose.name()))
                    .updateExpression("SET usedAt = :at")
                    .conditionExpression("codeId = :id AND attribute_not_exists(usedAt)")
                    .expressionAttributeValues(Map.of(":at", instant(at), ":id", s(codeId))));
            return true;
        } catch (ConditionalCheckFailedException usedOrReplaced) {
            return false;
        }
    }
}
