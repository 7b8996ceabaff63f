package br.com.healthmed.identity.store;

import static br.com.healthmed.platform.storage.Attributes.instant;
import static br.com.healthmed.platform.storage.Attributes.optionalInstant;
import static br.com.healthmed.platform.storage.Attributes.s;
import static br.com.healthmed.platform.storage.Attributes.string;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.identity.TwoFactorState;
import br.com.healthmed.identity.TwoFactorStore;
import br.com.healthmed.platform.storage.DynamoTable;
import br.com.healthmed.platform.storage.Keys;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Second factors in DynamoDB: one item per account, {@code ACCOUNT#<id>} / {@code TOTP}, beside the
 * account's profile. The recovery codes are a string set of hashes; using one removes it from the set
 * under the condition that it is still there, and accepting a TOTP code raises {@code lastStep} under
 * the condition that it is lower: each use is one conditional write, which exactly one of two
 * concurrent uses of the same code wins.
 *
 * <p>Unlike the other identity adapters, a use whose response was lost and which the SDK retried
 * reports failure (the retry finds its own write): telling that apart from a replay of the same code
 * is exactly what must not be guessed. The person enters the next code, or another recovery code.
 */
class DynamoTwoFactorStore implements TwoFactorStore {

    private final DynamoTable table;

    DynamoTwoFactorStore(DynamoTable table) {
        this.table = table;
    }

    @Override
    public boolean startEnrolment(AccountId account, String secret, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(key(account));
        item.put("type", s("TOTP"));
        item.put("secret", s(secret));
        item.put("createdAt", instant(now));
        item.put("lastStep", AttributeValue.fromN("-1"));
        return conditionally(() -> table.client().putItem(b -> b.tableName(table.name()).item(item)
                .conditionExpression("attribute_not_exists(enabledAt)")));
    }

    @Override
    public Optional<TwoFactorState> find(AccountId account) {
        return table.item(key(account)).map(item -> new TwoFactorState(account,
                string(item, "secret"),
                instant(item, "createdAt"),
                optionalInstant(item, "enabledAt"),
                Long.parseLong(item.get("lastStep").n()),
                item.containsKey("recoveryCodes") ? Set.copyOf(item.get("recoveryCodes").ss()) : Set.of()));
    }

    @Override
    public boolean enable(AccountId account, String secret, Set<String> recoveryCodeHashes, long step, Instant now) {
        return conditionally(() -> table.client().updateItem(b -> b.tableName(table.name()).key(key(account))
                .updateExpression("SET enabledAt = :now, lastStep = :step, recoveryCodes = :codes")
                .conditionExpression("secret = :secret AND attribute_not_exists(enabledAt)")
                .expressionAttributeValues(Map.of(
                        ":now", instant(now),
                        ":step", AttributeValue.fromN(Long.toString(step)),
                        ":codes", AttributeValue.fromSs(recoveryCodeHashes.stream().toList()),
                        ":secret", s(secret)))));
    }

    @Override
    public boolean useStep(AccountId account, long step) {
        return conditionally(() -> table.client().updateItem(b -> b.tableName(table.name()).key(key(account))
                .updateExpression("SET lastStep = :step")
                .conditionExpression("attribute_exists(enabledAt) AND lastStep < :step")
                .expressionAttributeValues(Map.of(":step", AttributeValue.fromN(Long.toString(step))))));
    }

    @Override
    public boolean useRecoveryCode(AccountId account, String codeHash) {
        return conditionally(() -> table.client().updateItem(b -> b.tableName(table.name()).key(key(account))
                .updateExpression("DELETE recoveryCodes :used")
                .conditionExpression("attribute_exists(enabledAt) AND contains(recoveryCodes, :code)")
                .expressionAttributeValues(Map.of(":used", AttributeValue.fromSs(java.util.List.of(codeHash)), ":code", s(codeHash)))));
    }

    @Override
    public void remove(AccountId account) {
        table.client().deleteItem(b -> b.tableName(table.name()).key(key(account)));
    }

    private static boolean conditionally(Runnable write) {
        try {
            write.run();
            return true;
        } catch (ConditionalCheckFailedException refused) {
            return false;
        }
    }

    private static Map<String, AttributeValue> key(AccountId account) {
        return AccountKeys.twoFactor(account.toString());
    }
}
