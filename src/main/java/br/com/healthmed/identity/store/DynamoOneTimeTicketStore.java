package br.com.healthmed.identity.store;

import static br.com.healthmed.platform.storage.Attributes.epochSeconds;
import static br.com.healthmed.platform.storage.Attributes.instant;
import static br.com.healthmed.platform.storage.Attributes.optionalInstant;
import static br.com.healthmed.platform.storage.Attributes.optionalString;
import static br.com.healthmed.platform.storage.Attributes.s;
import static br.com.healthmed.platform.storage.Attributes.string;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.identity.OneTimeTicket;
import br.com.healthmed.identity.OneTimeTicketStore;
import br.com.healthmed.platform.storage.Attributes;
import br.com.healthmed.platform.storage.DynamoTable;
import br.com.healthmed.platform.storage.Keys;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Single-use tickets in DynamoDB: one item each, {@code TICKET#<hash>} / {@code TICKET}. Using one is
 * one conditional update (unused and unexpired, compared on {@code expiresAtMillis}, a number: ISO
 * strings of instants do not sort by time). When that condition fails, a consistent read tells
 * whether the use was in fact ours, applied by an attempt whose response was lost before the SDK
 * retried it.
 */
class DynamoOneTimeTicketStore implements OneTimeTicketStore {

    /** DynamoDB may delete the item a day after it expired; reads check expiry themselves. */
    private static final Duration KEPT_AFTER_EXPIRY = Duration.ofDays(1);

    private final DynamoTable table;

    DynamoOneTimeTicketStore(DynamoTable table) {
        this.table = table;
    }

    @Override
    public void save(OneTimeTicket ticket) {
        Map<String, AttributeValue> item = new HashMap<>(AccountKeys.oneTimeTicket(ticket.hash()));
        item.put("type", s("TICKET"));
        item.put("purpose", s(ticket.purpose().name()));
        item.put("account", s(ticket.account().toString()));
        item.put("issuedAt", instant(ticket.issuedAt()));
        item.put("expiresAt", instant(ticket.expiresAt()));
        item.put("expiresAtMillis", AttributeValue.fromN(Long.toString(ticket.expiresAt().toEpochMilli())));
        item.put(Attributes.TTL, epochSeconds(ticket.expiresAt().plus(KEPT_AFTER_EXPIRY)));
        ticket.binding().ifPresent(binding -> item.put("binding", s(binding)));
        ticket.usedAt().ifPresent(at -> item.put("usedAt", instant(at)));
        table.client().putItem(b -> b.tableName(table.name()).item(item));
    }

    @Override
    public Optional<OneTimeTicket> find(String hash) {
        return table.item(AccountKeys.oneTimeTicket(hash)).map(item -> new OneTimeTicket(hash,
                OneTimeTicket.Purpose.valueOf(string(item, "purpose")),
                AccountId.of(string(item, "account")),
                instant(item, "issuedAt"),
                instant(item, "expiresAt"),
                optionalString(item, "binding"),
                optionalInstant(item, "usedAt")));
    }

    @Override
    public boolean use(String hash, Instant now) {
        try {
            table.client().updateItem(b -> b.tableName(table.name()).key(AccountKeys.oneTimeTicket(hash))
                    .updateExpression("SET usedAt = :now")
                    .conditionExpression("attribute_exists(PK) AND attribute_not_exists(usedAt) AND expiresAtMillis > :nowMillis")
                    .expressionAttributeValues(Map.of(
                            ":now", instant(now),
                            ":nowMillis", AttributeValue.fromN(Long.toString(now.toEpochMilli())))));
            return true;
        } catch (ConditionalCheckFailedException usedOrExpired) {
            // used by someone else, or by this very call: the SDK retried a write whose response was lost
            return find(hash).flatMap(OneTimeTicket::usedAt).filter(now::equals).isPresent();
        }
    }
}
