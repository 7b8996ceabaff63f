package br.com.healthmed.identity.store;

import static br.com.healthmed.platform.storage.Attributes.TTL;
import static br.com.healthmed.platform.storage.Attributes.epochSeconds;
import static br.com.healthmed.platform.storage.Attributes.instant;
import static br.com.healthmed.platform.storage.Attributes.optionalString;
import static br.com.healthmed.platform.storage.Attributes.s;
import static br.com.healthmed.platform.storage.Attributes.string;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.storage.TimePositions;
import br.com.healthmed.identity.SecurityEvent;
import br.com.healthmed.identity.SecurityEventKind;
import br.com.healthmed.identity.SecurityEventStore;
import br.com.healthmed.platform.storage.DynamoTable;
import br.com.healthmed.platform.storage.Keys;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The security log in DynamoDB: {@code SECLOG#<account>} / {@code <at>#<entry id>}, a partition per
 * account read newest first. Entries are put only where none exists, with a {@code ttl} of their
 * instant plus the retention, so DynamoDB deletes them only after it; reads leave out older ones that
 * DynamoDB has not deleted yet.
 */
class DynamoSecurityEventStore implements SecurityEventStore {

    private final DynamoTable table;
    private final Duration retention;

    DynamoSecurityEventStore(DynamoTable table, Duration retention) {
        this.table = table;
        this.retention = retention;
    }

    @Override
    public void append(SecurityEvent event) {
        Map<String, AttributeValue> item = new HashMap<>(IdentityKeys.securityEvent(event.account().toString(), event.position()));
        item.put("type", s("SECURITY_EVENT"));
        item.put("kind", s(event.kind().name()));
        item.put("at", instant(event.at()));
        event.clientAddress().ifPresent(address -> item.put("clientAddress", s(address)));
        item.put(TTL, epochSeconds(event.at().plus(retention)));
        try {
            table.client().putItem(b -> b.tableName(table.name()).item(item).conditionExpression("attribute_not_exists(PK)"));
        } catch (ConditionalCheckFailedException written) {
            // this very entry, written by an attempt whose response was lost: entry ids are random
        }
    }

    @Override
    public Page page(AccountId account, Instant since, int limit, Optional<String> after) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", s(IdentityKeys.securityLog(account.toString())));
        String oldest = TimePositions.instant(since);
        // one condition per sort key: older than the cursor in the query, not older than the retention below
        String condition = after.isPresent() ? "PK = :pk AND SK < :after" : "PK = :pk AND SK >= :oldest";
        after.ifPresentOrElse(position -> values.put(":after", s(position)), () -> values.put(":oldest", s(oldest)));
        List<Map<String, AttributeValue>> items = table.query(b -> b.consistentRead(true).keyConditionExpression(condition)
                .expressionAttributeValues(values).scanIndexForward(false).limit(limit + 1), limit + 1);
        List<Map<String, AttributeValue>> kept = items.stream()
                .takeWhile(item -> string(item, Keys.SK).compareTo(oldest) >= 0).toList();
        List<SecurityEvent> page = kept.stream().limit(limit).map(item -> toEvent(account, item)).toList();
        return new Page(page, kept.size() > limit ? Optional.of(page.get(page.size() - 1).position()) : Optional.empty());
    }

    /** One ascending query from the later of the cursor and the retention's start (an instant sorts before its positions). */
    @Override
    public Page newer(AccountId account, Instant since, int limit, Optional<String> before) {
        String oldest = TimePositions.instant(since);
        String from = before.filter(position -> position.compareTo(oldest) > 0).orElse(oldest);
        List<Map<String, AttributeValue>> items = table.query(b -> b.consistentRead(true).keyConditionExpression("PK = :pk AND SK > :from")
                .expressionAttributeValues(Map.of(":pk", s(IdentityKeys.securityLog(account.toString())), ":from", s(from)))
                .scanIndexForward(true).limit(limit + 1), limit + 1);
        List<SecurityEvent> page = items.stream().limit(limit).map(item -> toEvent(account, item)).toList();
        return new Page(page, items.size() > limit ? Optional.of(page.get(page.size() - 1).position()) : Optional.empty());
    }

    private static SecurityEvent toEvent(AccountId account, Map<String, AttributeValue> item) {
        return new SecurityEvent(TimePositions.id(string(item, Keys.SK)), account,
                SecurityEventKind.valueOf(string(item, "kind")), instant(item, "at"), optionalString(item, "clientAddress"));
    }
}
