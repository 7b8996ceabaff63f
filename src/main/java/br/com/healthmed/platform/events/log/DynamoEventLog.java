package br.com.healthmed.platform.events.log;

import static br.com.healthmed.platform.storage.Attributes.instant;
import static br.com.healthmed.platform.storage.Attributes.s;
import static br.com.healthmed.platform.storage.Attributes.string;

import br.com.healthmed.platform.EntityId;
import br.com.healthmed.platform.storage.Attributes;
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
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The owners' logs in the single table, under the {@link LogKeys} of their module: one item per event
 * ({@code <log prefix><owner>} / {@code E#<position>}: the codec's attributes, {@code appendedAt} and a
 * {@code ttl} past the retention) and one head per log ({@code <head prefix><owner>} / {@code HEAD}, no ttl)
 * holding the log's first position ({@code firstPosition}, {@code baseSetAt}), see {@link #base}. An append
 * reads the log's end and puts at the next position only if it is still free, so two appenders never share
 * a position and the log has no holes.
 */
public final class DynamoEventLog<E> implements EventLog<E> {

    private static final int TAIL_PAGE = 25;
    private static final int APPEND_ATTEMPTS = 50;

    private final DynamoTable table;
    private final Duration retention;
    private final LogKeys keys;
    private final EventItemCodec<E> codec;

    public DynamoEventLog(DynamoTable table, Duration retention, LogKeys keys, EventItemCodec<E> codec) {
        this.table = table;
        this.retention = retention;
        this.keys = keys;
        this.codec = codec;
    }

    @Override
    public Logged<E> append(EntityId owner, E event, Instant now) {
        for (int attempt = 0; attempt < APPEND_ATTEMPTS; attempt++) {
            Tail<E> tail = tail(owner, event);
            if (tail.found().isPresent()) {
                return tail.found().get();
            }
            long position = tail.last() == 0 ? base(owner, now) : tail.last() + 1;
            Logged<E> logged = new Logged<>(owner, position, now, event);
            try {
                table.client().putItem(b -> b.tableName(table.name()).item(item(logged))
                        .conditionExpression("attribute_not_exists(PK)"));
                return logged;
            } catch (ConditionalCheckFailedException taken) {
                // another append took this position first: read the end again (it may be this very event)
            }
        }
        throw new IllegalStateException("Could not append to the event log " + keys.log(key(owner)) + " after " + APPEND_ATTEMPTS + " attempts");
    }

    /**
     * The first position of the owner's empty log, the same for every appender: kept in the log's head item
     * (no ttl). Appenders to an empty log read it; only when there is none, or it was set longer than the
     * retention ago (so the log can have emptied since: every event under it expired), does one of them,
     * conditionally, set a new one from its clock ({@link EventLog#firstPosition}, above every earlier base);
     * the others read what it set. So two first appends either side of midnight, or on instances with skewed
     * clocks, share one base, and the second goes at base + 1.
     */
    private long base(EntityId owner, Instant now) {
        Map<String, AttributeValue> head = keys.head(key(owner));
        long candidate = EventLog.firstPosition(now);
        try {
            table.client().updateItem(b -> b.tableName(table.name()).key(head)
                    .updateExpression("SET #type = :type, firstPosition = :base, baseSetAt = :now")
                    .conditionExpression("attribute_not_exists(firstPosition) OR (baseSetAt < :cutoff AND firstPosition < :base)")
                    .expressionAttributeNames(Map.of("#type", "type"))
                    .expressionAttributeValues(Map.of(":type", s("EVENT_LOG_HEAD"), ":base", number(candidate),
                            ":now", instant(now), ":cutoff", instant(now.minus(retention)))));
            return candidate;
        } catch (ConditionalCheckFailedException setAlready) {
            return table.item(head).map(item -> Long.parseLong(item.get("firstPosition").n()))
                    .orElseThrow(() -> new IllegalStateException("The head of the event log " + keys.log(key(owner)) + " vanished"));
        }
    }

    /** The log's last position, and the event if an earlier append put it there. */
    private record Tail<E>(long last, Optional<Logged<E>> found) {}

    /**
     * Reads the log backwards from its end, as far as the event could have been appended: to an event its
     * producer appends before it ({@link EventItemCodec#precedes}), or to entries appended before the event
     * happened (less the clock skew).
     */
    private Tail<E> tail(EntityId owner, E event) {
        long last = 0;
        String id = codec.id(event);
        Instant horizon = codec.happenedAt(event).minus(CLOCK_SKEW);
        for (QueryResponse page : table.pages(b -> b.keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", s(keys.log(key(owner)))))
                .scanIndexForward(false)
                .consistentRead(true)
                .limit(TAIL_PAGE))) {
            for (Map<String, AttributeValue> item : page.items()) {
                Logged<E> logged = logged(owner, item);
                if (last == 0) {
                    last = logged.position();
                }
                if (codec.id(logged.event()).equals(id)) {
                    return new Tail<>(last, Optional.of(logged));
                }
                if (codec.precedes(logged.event(), event) || logged.appendedAt().isBefore(horizon)) {
                    return new Tail<>(last, Optional.empty());
                }
            }
        }
        return new Tail<>(last, Optional.empty());
    }

    @Override
    public List<Logged<E>> after(EntityId owner, long position, int limit) {
        // read on past a page DynamoDB cut short at 1 MB: a short page must mean the log's end to the feed
        return table.query(b -> b.keyConditionExpression("PK = :pk AND SK > :after")
                        .expressionAttributeValues(Map.of(":pk", s(keys.log(key(owner))), ":after", s(LogKeys.position(position))))
                        .consistentRead(true)
                        .limit(limit), limit)
                .stream().map(item -> logged(owner, item)).toList();
    }

    @Override
    public long last(EntityId owner) {
        QueryResponse page = table.client().query(b -> b.tableName(table.name())
                .keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", s(keys.log(key(owner)))))
                .scanIndexForward(false)
                .consistentRead(true)
                .limit(1));
        return page.items().isEmpty() ? 0 : LogKeys.positionOf(string(page.items().get(0), Keys.SK));
    }

    @Override
    public Optional<Logged<E>> at(EntityId owner, long position) {
        return table.item(keys.entry(key(owner), position)).map(item -> logged(owner, item));
    }

    private Map<String, AttributeValue> item(Logged<E> logged) {
        Map<String, AttributeValue> item = new HashMap<>(codec.attributes(logged.event()));
        item.putAll(keys.entry(key(logged.owner()), logged.position()));
        item.put("type", s(codec.itemType()));
        item.put("appendedAt", instant(logged.appendedAt()));
        item.put(Attributes.TTL, Attributes.epochSeconds(logged.appendedAt().plus(retention).plus(Duration.ofDays(1))));
        return item;
    }

    private Logged<E> logged(EntityId owner, Map<String, AttributeValue> item) {
        return new Logged<>(owner, LogKeys.positionOf(string(item, Keys.SK)), instant(item, "appendedAt"), codec.event(item));
    }

    private static String key(EntityId owner) {
        return owner.value().toString();
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
