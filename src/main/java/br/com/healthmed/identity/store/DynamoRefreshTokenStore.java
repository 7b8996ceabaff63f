package br.com.healthmed.identity.store;

import static br.com.healthmed.platform.storage.Attributes.TTL;
import static br.com.healthmed.platform.storage.Attributes.bool;
import static br.com.healthmed.platform.storage.Attributes.epochSeconds;
import static br.com.healthmed.platform.storage.Attributes.instant;
import static br.com.healthmed.platform.storage.Attributes.optionalInstant;
import static br.com.healthmed.platform.storage.Attributes.optionalString;
import static br.com.healthmed.platform.storage.Attributes.s;
import static br.com.healthmed.platform.storage.Attributes.string;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.identity.RefreshTokenStore;
import br.com.healthmed.platform.storage.DynamoTable;
import br.com.healthmed.platform.storage.Keys;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Refresh tokens and their families in DynamoDB: {@code REFRESH#<sha256>} / {@code TOKEN} and
 * {@code SESSION#<id>} / {@code FAMILY}. Both carry a {@code ttl} at the family's expiry so DynamoDB
 * deletes them afterwards; expiry itself is checked at read time. A used token also carries
 * {@code usedBy}, the nonce of the {@link #markUsed} call that used it.
 */
class DynamoRefreshTokenStore implements RefreshTokenStore {

    private final DynamoTable table;

    DynamoRefreshTokenStore(DynamoTable table) {
        this.table = table;
    }

    @Override
    public void createFamily(Family family) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.tokenFamily(family.id()));
        item.put("type", s("TOKEN_FAMILY"));
        item.put("account", s(family.account().toString()));
        item.put("createdAt", instant(family.createdAt()));
        item.put("expiresAt", instant(family.expiresAt()));
        item.put("revoked", bool(family.revoked()));
        item.put(TTL, epochSeconds(family.expiresAt()));
        try {
            table.client().putItem(b -> b.tableName(table.name()).item(item).conditionExpression("attribute_not_exists(PK)"));
        } catch (ConditionalCheckFailedException exists) {
            throw new IllegalStateException("Family " + family.id() + " exists", exists);
        }
    }

    @Override
    public Optional<Family> family(String familyId) {
        return table.item(Keys.tokenFamily(familyId)).map(item -> new Family(familyId,
                AccountId.of(string(item, "account")),
                instant(item, "createdAt"),
                instant(item, "expiresAt"),
                bool(item, "revoked")));
    }

    @Override
    public void revokeFamily(String familyId) {
        try {
            table.client().updateItem(b -> b.tableName(table.name()).key(Keys.tokenFamily(familyId))
                    .updateExpression("SET revoked = :true")
                    .conditionExpression("attribute_exists(PK)")
                    .expressionAttributeValues(Map.of(":true", bool(true))));
        } catch (ConditionalCheckFailedException absent) {
            // no such family: nothing to revoke
        }
    }

    @Override
    public void saveToken(Token token) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.refreshToken(token.hash()));
        item.put("type", s("REFRESH_TOKEN"));
        item.put("familyId", s(token.familyId()));
        item.put("issuedAt", instant(token.issuedAt()));
        item.put("expiresAt", instant(token.expiresAt()));
        token.usedAt().ifPresent(used -> item.put("usedAt", instant(used)));
        item.put(TTL, epochSeconds(token.expiresAt()));
        table.client().putItem(b -> b.tableName(table.name()).item(item));
    }

    @Override
    public Optional<Token> token(String hash) {
        return table.item(Keys.refreshToken(hash)).map(item -> new Token(hash,
                string(item, "familyId"),
                instant(item, "issuedAt"),
                instant(item, "expiresAt"),
                optionalInstant(item, "usedAt")));
    }

    /**
     * One conditional write that sets {@code usedAt} and {@code usedBy}, a nonce of this call. If the
     * condition fails, either someone else used the token, or the SDK retried our own write after its
     * response was lost (throttling, a 5xx, an I/O error): the consistently read {@code usedBy} tells.
     */
    @Override
    public boolean markUsed(String hash, Instant at) {
        String nonce = UUID.randomUUID().toString();
        try {
            table.client().updateItem(b -> b.tableName(table.name()).key(Keys.refreshToken(hash))
                    .updateExpression("SET usedAt = :at, usedBy = :nonce")
                    .conditionExpression("attribute_exists(PK) AND attribute_not_exists(usedAt)")
                    .expressionAttributeValues(Map.of(":at", instant(at), ":nonce", s(nonce))));
            return true;
        } catch (ConditionalCheckFailedException usedOrAbsent) {
            return table.item(Keys.refreshToken(hash))
                    .flatMap(item -> optionalString(item, "usedBy"))
                    .filter(nonce::equals)
                    .isPresent();
        }
    }
}
