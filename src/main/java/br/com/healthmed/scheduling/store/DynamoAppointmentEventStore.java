package br.com.healthmed.scheduling.store;

import static br.com.healthmed.platform.storage.Attributes.instant;
import static br.com.healthmed.platform.storage.Attributes.optionalInstant;
import static br.com.healthmed.platform.storage.Attributes.s;
import static br.com.healthmed.platform.storage.Attributes.string;

import br.com.healthmed.platform.events.log.DynamoEventLog;
import br.com.healthmed.platform.events.log.EventLog;
import br.com.healthmed.platform.storage.DueAcrossShards;
import br.com.healthmed.platform.storage.DynamoTable;
import br.com.healthmed.platform.storage.Keys;
import br.com.healthmed.scheduling.AppointmentEvent;
import br.com.healthmed.scheduling.AppointmentEventStore;
import br.com.healthmed.scheduling.AppointmentId;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The outbox and the event logs in the single table (key shapes in {@link Keys}; docs/events.md):
 *
 * <ul>
 *   <li>{@code OUTBOX#<hex>} / {@code APPT#<id>}: {@code version}, {@code baseline}, {@code since},
 *       {@code writerUntil}, {@code nextAttempt}, {@code attempts} and one {@code done:<target>} number per target. Updated
 *       with expressions, never replaced, so an {@link #expect} and the relay's progress never undo
 *       each other; 16 shards keep a busy hour of changes off one partition.</li>
 *   <li>the accounts' logs, {@code EVENTS#<account>} / {@code E#<position>} and their heads
 *       {@code EVENTHEAD#<account>} / {@code HEAD}: the shared {@link DynamoEventLog} under
 *       {@link EventLogKeys#APPOINTMENT_LOG}, an event's attributes as {@link AppointmentEventItems#CODEC} writes them.</li>
 * </ul>
 */
class DynamoAppointmentEventStore implements AppointmentEventStore {

    private static final String DONE = "done:";

    private final DynamoTable table;
    private final DynamoEventLog<AppointmentEvent> log;

    DynamoAppointmentEventStore(DynamoTable table, Duration retention) {
        this.table = table;
        this.log = new DynamoEventLog<>(table, retention, EventLogKeys.APPOINTMENT_LOG, AppointmentEventItems.CODEC);
    }

    private static Map<String, AttributeValue> outboxKey(AppointmentId appointment) {
        String id = appointment.toString();
        return EventLogKeys.outboxEntry(Keys.hexShard(id), id);
    }

    @Override
    public void expect(AppointmentId appointment, long version, int baseline, Instant now) {
        try {
            table.client().updateItem(b -> b.tableName(table.name()).key(outboxKey(appointment))
                    .updateExpression("SET #type = :type, appointmentId = :id, #version = :version, "
                            + "baseline = if_not_exists(baseline, :baseline), since = if_not_exists(since, :now), writerUntil = :writerUntil, "
                            + "attempts = if_not_exists(attempts, :zero), nextAttempt = if_not_exists(nextAttempt, :next)")
                    .conditionExpression("attribute_not_exists(PK) OR #version <= :version")
                    .expressionAttributeNames(Map.of("#type", "type", "#version", "version"))
                    .expressionAttributeValues(Map.of(
                            ":type", s("OUTBOX"),
                            ":id", s(appointment.toString()),
                            ":version", number(version),
                            ":baseline", number(baseline),
                            ":now", instant(now),
                            ":writerUntil", instant(now.plus(WRITER_GRACE)),
                            ":zero", number(0),
                            ":next", instant(now.plus(RELAY_GRACE)))));
        } catch (ConditionalCheckFailedException newerAlready) {
            // an entry for a later version is there: it covers this change too (whose write must fail)
        }
    }

    @Override
    public Optional<Pending> pending(AppointmentId appointment) {
        return table.item(outboxKey(appointment)).map(DynamoAppointmentEventStore::pending);
    }

    @Override
    public List<Pending> due(Instant now, int limit) {
        return DueAcrossShards.byNextAttempt(table, EventLogKeys::outbox, now, limit,
                DynamoAppointmentEventStore::pending);
    }

    @Override
    public void delivered(AppointmentId appointment, String target, int delivered) {
        try {
            table.client().updateItem(b -> b.tableName(table.name()).key(outboxKey(appointment))
                    .updateExpression("SET #done = :n")
                    .conditionExpression("attribute_exists(PK) AND (attribute_not_exists(#done) OR #done < :n)")
                    .expressionAttributeNames(Map.of("#done", DONE + target))
                    .expressionAttributeValues(Map.of(":n", number(delivered))));
        } catch (ConditionalCheckFailedException goneOrFurther) {
            // cleared, or another relay recorded as much or more
        }
    }

    @Override
    public void retryAt(AppointmentId appointment, int attempts, Instant next) {
        try {
            table.client().updateItem(b -> b.tableName(table.name()).key(outboxKey(appointment))
                    .updateExpression("SET attempts = :attempts, nextAttempt = :next")
                    .conditionExpression("attribute_exists(PK)")
                    .expressionAttributeValues(Map.of(":attempts", number(attempts), ":next", instant(next))));
        } catch (ConditionalCheckFailedException gone) {
            // cleared meanwhile by another relay that got through
        }
    }

    @Override
    public boolean clear(AppointmentId appointment, long version) {
        try {
            table.client().deleteItem(b -> b.tableName(table.name()).key(outboxKey(appointment))
                    .conditionExpression("#version = :version")
                    .expressionAttributeNames(Map.of("#version", "version"))
                    .expressionAttributeValues(Map.of(":version", number(version))));
            return true;
        } catch (ConditionalCheckFailedException changedOrGone) {
            return false;
        }
    }

    private static Pending pending(Map<String, AttributeValue> item) {
        Map<String, Integer> delivered = new HashMap<>();
        item.forEach((name, value) -> {
            if (name.startsWith(DONE)) {
                delivered.put(name.substring(DONE.length()), Integer.parseInt(value.n()));
            }
        });
        return new Pending(AppointmentId.of(string(item, "appointmentId")), Long.parseLong(item.get("version").n()),
                Integer.parseInt(item.get("baseline").n()), delivered, instant(item, "since"),
                optionalInstant(item, "writerUntil").orElse(instant(item, "since").plus(WRITER_GRACE)),
                Integer.parseInt(item.get("attempts").n()), instant(item, "nextAttempt"));
    }

    // --- the accounts' logs -----------------------------------------------------------------------

    @Override
    public EventLog<AppointmentEvent> log() {
        return log;
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
