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
import br.com.healthmed.identity.SessionEnded;
import br.com.healthmed.platform.storage.DynamoTable;
import br.com.healthmed.platform.storage.Keys;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Refresh tokens and their families in DynamoDB: {@code REFRESH#<sha256>} / {@code TOKEN} and
 * {@code SESSION#<id>} / {@code FAMILY}. Both carry a {@code ttl} at the family's expiry so DynamoDB
 * deletes them afterwards; expiry itself is checked at read time. A used token also carries
 * {@code usedBy}, the nonce of the {@link #markUsed} call that used it. A revoked family carries
 * {@code revokedAt}, {@code revokedReason} and GSI1 keys {@code REVOKED#<UTC hour>} /
 * {@code <epoch millis>#<session>}, which list an hour's revocations. Every family carries GSI2 keys
 * {@code SESSIONS#<account>} / {@code <session>}, which list an account's sessions.
 */
class DynamoRefreshTokenStore implements RefreshTokenStore {

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH").withZone(ZoneOffset.UTC);

    private final DynamoTable table;

    DynamoRefreshTokenStore(DynamoTable table) {
        this.table = table;
    }

    @Override
    public void createFamily(Family family) {
        Map<String, AttributeValue> item = new HashMap<>(AccountKeys.tokenFamily(family.id()));
        item.put("type", s("TOKEN_FAMILY"));
        item.put("account", s(family.account().toString()));
        item.put("createdAt", instant(family.createdAt()));
        item.put("expiresAt", instant(family.expiresAt()));
        item.put("revoked", bool(family.revoked()));
        item.put(Keys.GSI2PK, s(AccountKeys.accountSessions(family.account().toString())));
        item.put(Keys.GSI2SK, s(family.id()));
        item.put(TTL, epochSeconds(family.expiresAt()));
        try {
            table.client().putItem(b -> b.tableName(table.name()).item(item).conditionExpression("attribute_not_exists(PK)"));
        } catch (ConditionalCheckFailedException exists) {
            throw new IllegalStateException("Family " + family.id() + " exists", exists);
        }
    }

    @Override
    public Optional<Family> family(String familyId) {
        return table.item(AccountKeys.tokenFamily(familyId)).map(item -> family(familyId, item));
    }

    private static Family family(String familyId, Map<String, AttributeValue> item) {
        return new Family(familyId, AccountId.of(string(item, "account")), instant(item, "createdAt"),
                instant(item, "expiresAt"), bool(item, "revoked"));
    }

    @Override
    public List<Family> familiesOf(AccountId account) {
        List<Family> found = new ArrayList<>();
        table.client().queryPaginator(b -> b.tableName(table.name()).indexName(Keys.GSI2)
                        .keyConditionExpression("#pk = :pk")
                        .expressionAttributeNames(Map.of("#pk", Keys.GSI2PK))
                        .expressionAttributeValues(Map.of(":pk", s(AccountKeys.accountSessions(account.toString())))))
                .items()
                .forEach(item -> found.add(family(string(item, Keys.GSI2SK), item)));
        return found;
    }

    /**
     * One conditional write: the family becomes revoked and, through its {@code GSI1} keys, one of its
     * hour's revocations. Only an open family is changed, so the first revocation's time stays.
     */
    @Override
    public void revokeFamily(Revocation revocation) {
        try {
            table.client().updateItem(b -> b.tableName(table.name()).key(AccountKeys.tokenFamily(revocation.sessionId()))
                    .updateExpression("SET revoked = :true, sessionId = :sid, revokedAt = :at, revokedReason = :reason, "
                            + "#gsiPk = :hour, #gsiSk = :sk")
                    .conditionExpression("attribute_exists(PK) AND revoked = :false")
                    .expressionAttributeNames(Map.of("#gsiPk", Keys.GSI1PK, "#gsiSk", Keys.GSI1SK))
                    .expressionAttributeValues(Map.of(":true", bool(true), ":false", bool(false),
                            ":sid", s(revocation.sessionId()), ":at", instant(revocation.at()),
                            ":reason", s(revocation.reason().name()),
                            ":hour", s(AccountKeys.revokedSessionsHour(HOUR.format(revocation.at()))),
                            ":sk", s(sortKey(revocation.at()) + "#" + revocation.sessionId()))));
        } catch (ConditionalCheckFailedException absentOrRevoked) {
            // no such family, or revoked already: nothing to do
        }
    }

    /** One query of the hourly index per UTC hour in the period (two for a 15-minute look-back). */
    @Override
    public List<Revocation> revokedBetween(Instant from, Instant until) {
        List<Revocation> found = new ArrayList<>();
        if (!from.isBefore(until)) {
            return found;
        }
        String low = sortKey(from) + "#";
        String high = sortKey(until.minusMillis(1)) + "#~";
        for (Instant hour = from.truncatedTo(ChronoUnit.HOURS); hour.isBefore(until); hour = hour.plus(Duration.ofHours(1))) {
            String partition = AccountKeys.revokedSessionsHour(HOUR.format(hour));
            table.client().queryPaginator(b -> b.tableName(table.name()).indexName(Keys.GSI1)
                            .keyConditionExpression("#pk = :pk AND #sk BETWEEN :low AND :high")
                            .expressionAttributeNames(Map.of("#pk", Keys.GSI1PK, "#sk", Keys.GSI1SK))
                            .expressionAttributeValues(Map.of(":pk", s(partition), ":low", s(low), ":high", s(high))))
                    .items()
                    .forEach(item -> found.add(new Revocation(string(item, "sessionId"),
                            SessionEnded.Reason.valueOf(string(item, "revokedReason")), instant(item, "revokedAt"))));
        }
        return found;
    }

    /** Milliseconds since the epoch, zero-padded so that the text sorts as the time does. */
    private static String sortKey(Instant at) {
        return String.format("%020d", at.toEpochMilli());
    }

    @Override
    public void saveToken(Token token) {
        Map<String, AttributeValue> item = new HashMap<>(AccountKeys.refreshToken(token.hash()));
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
        return table.item(AccountKeys.refreshToken(hash)).map(item -> new Token(hash,
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
            table.client().updateItem(b -> b.tableName(table.name()).key(AccountKeys.refreshToken(hash))
                    .updateExpression("SET usedAt = :at, usedBy = :nonce")
                    .conditionExpression("attribute_exists(PK) AND attribute_not_exists(usedAt)")
                    .expressionAttributeValues(Map.of(":at", instant(at), ":nonce", s(nonce))));
            return true;
        } catch (ConditionalCheckFailedException usedOrAbsent) {
            return table.item(AccountKeys.refreshToken(hash))
                    .flatMap(item -> optionalString(item, "usedBy"))
                    .filter(nonce::equals)
                    .isPresent();
        }
    }
}
