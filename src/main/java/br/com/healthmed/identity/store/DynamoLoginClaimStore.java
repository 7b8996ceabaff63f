package br.com.healthmed.identity.store;

import static br.com.healthmed.platform.storage.Attributes.instant;
import static br.com.healthmed.platform.storage.Attributes.s;
import static br.com.healthmed.platform.storage.Attributes.string;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.identity.LoginClaim;
import br.com.healthmed.identity.LoginClaimStore;
import br.com.healthmed.platform.storage.DynamoTable;
import br.com.healthmed.platform.storage.Keys;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Login claims in DynamoDB: one item per identifier, {@code LOGIN#<kind>#<value>} / {@code CLAIM},
 * each taken, moved and released by a single conditional write. When the condition of a claim or a
 * transfer fails, a consistent read tells whether the write was in fact ours, applied by an attempt
 * whose response was lost before the SDK retried it.
 */
class DynamoLoginClaimStore implements LoginClaimStore {

    private final DynamoTable table;

    DynamoLoginClaimStore(DynamoTable table) {
        this.table = table;
    }

    @Override
    public boolean claim(LoginClaim claim, AccountId owner, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(key(claim));
        item.put("type", s("LOGIN_CLAIM"));
        item.put("owner", s(owner.toString()));
        item.put("claimedAt", instant(now));
        try {
            table.client().putItem(b -> b.tableName(table.name()).item(item).conditionExpression("attribute_not_exists(PK)"));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            // by someone else, or by this very call: the SDK retried a write whose response was lost
            return heldBy(claim, owner);
        }
    }

    @Override
    public Optional<Holder> holder(LoginClaim claim) {
        return table.item(key(claim)).map(item -> new Holder(AccountId.of(string(item, "owner")), instant(item, "claimedAt")));
    }

    @Override
    public boolean transfer(LoginClaim claim, AccountId from, AccountId to, Instant now) {
        try {
            table.client().updateItem(b -> b.tableName(table.name()).key(key(claim))
                    .updateExpression("SET #owner = :to, claimedAt = :now")
                    .conditionExpression("#owner = :from")
                    .expressionAttributeNames(Map.of("#owner", "owner"))
                    .expressionAttributeValues(Map.of(
                            ":from", s(from.toString()), ":to", s(to.toString()), ":now", instant(now))));
            return true;
        } catch (ConditionalCheckFailedException notHeldByFrom) {
            // moved by someone else, or by this very call: the SDK retried a write whose response was lost
            return heldBy(claim, to);
        }
    }

    @Override
    public void release(LoginClaim claim, AccountId owner) {
        try {
            table.client().deleteItem(b -> b.tableName(table.name()).key(key(claim))
                    .conditionExpression("#owner = :owner")
                    .expressionAttributeNames(Map.of("#owner", "owner"))
                    .expressionAttributeValues(Map.of(":owner", s(owner.toString()))));
        } catch (ConditionalCheckFailedException heldBySomeoneElse) {
            // not ours to release
        }
    }

    private boolean heldBy(LoginClaim claim, AccountId owner) {
        return holder(claim).filter(holder -> holder.owner().equals(owner)).isPresent();
    }

    private static Map<String, AttributeValue> key(LoginClaim claim) {
        return AccountKeys.loginClaim(claim.kind().name(), claim.value());
    }
}
