package br.com.healthmed.scheduling.store;

import static br.com.healthmed.platform.storage.Attributes.instant;
import static br.com.healthmed.platform.storage.Attributes.optionalInstant;
import static br.com.healthmed.platform.storage.Attributes.optionalString;
import static br.com.healthmed.platform.storage.Attributes.s;
import static br.com.healthmed.platform.storage.Attributes.string;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.storage.Attributes;
import br.com.healthmed.platform.storage.DynamoTable;
import br.com.healthmed.platform.storage.Keys;
import br.com.healthmed.scheduling.AppointmentEvent;
import br.com.healthmed.scheduling.AppointmentEventKind;
import br.com.healthmed.scheduling.AppointmentEventStore;
import br.com.healthmed.scheduling.AppointmentId;
import br.com.healthmed.scheduling.AppointmentStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The outbox and the event logs in the single table (key shapes in {@link Keys}; docs/events.md):
 *
 * <ul>
 *   <li>{@code OUTBOX#<hex>} / {@code APPT#<id>}: {@code version}, {@code baseline}, {@code since},
 *       {@code writerUntil}, {@code nextAttempt}, {@code attempts} and one {@code done:<target>} number per target. Updated
 *       with expressions, never replaced, so an {@link #expect} and the relay's progress never undo
 *       each other; 16 shards keep a busy hour of changes off one partition.</li>
 *   <li>{@code EVENTS#<account>} / {@code E#<position>}: the event's attributes, {@code appendedAt} and
 *       a {@code ttl} past the retention. {@code EVENTHEAD#<account>} / {@code HEAD} (no ttl) holds the
 *       first position of the log ({@code firstPosition}, {@code baseSetAt}), one per log, see {@link #base}.
 *       An append reads the log's end and puts at the next position
 *       only if it is still free, so two appenders never share a position and the log has no holes.</li>
 * </ul>
 */
class DynamoAppointmentEventStore implements AppointmentEventStore {

    private static final String DONE = "done:";
    private static final int TAIL_PAGE = 25;
    private static final int APPEND_ATTEMPTS = 50;

    private final DynamoTable table;
    private final Duration retention;

    DynamoAppointmentEventStore(DynamoTable table, Duration retention) {
        this.table = table;
        this.retention = retention;
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
        return br.com.healthmed.platform.storage.DueAcrossShards.byNextAttempt(table, EventLogKeys::outbox, now, limit,
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
    public Logged append(AccountId account, AppointmentEvent event, Instant now) {
        for (int attempt = 0; attempt < APPEND_ATTEMPTS; attempt++) {
            Tail tail = tail(account, event);
            if (tail.found().isPresent()) {
                return tail.found().get();
            }
            long position = tail.last() == 0 ? base(account, now) : tail.last() + 1;
            Logged logged = new Logged(account, position, now, event);
            try {
                table.client().putItem(b -> b.tableName(table.name()).item(item(logged))
                        .conditionExpression("attribute_not_exists(PK)"));
                return logged;
            } catch (ConditionalCheckFailedException taken) {
                // another append took this position first: read the end again (it may be this very event)
            }
        }
        throw new IllegalStateException("Could not append to the event log of " + account + " after " + APPEND_ATTEMPTS + " attempts");
    }

    /**
     * The first position of the account's empty log, the same for every appender: kept in the log's
     * head item (no ttl). Appenders to an empty log read it; only when there is none, or it was set
     * longer than the retention ago (so the log can have emptied since: every event under it expired),
     * does one of them, conditionally, set a new one from its clock ({@link
     * AppointmentEventStore#firstPosition}, above every earlier base); the others read what it set.
     * So two first appends either side of midnight, or on instances with skewed clocks, share one
     * base, and the second goes at base + 1.
     */
    private long base(AccountId account, Instant now) {
        Map<String, AttributeValue> key = EventLogKeys.eventLogHead(account.toString());
        long candidate = AppointmentEventStore.firstPosition(now);
        try {
            table.client().updateItem(b -> b.tableName(table.name()).key(key)
                    .updateExpression("SET #type = :type, firstPosition = :base, baseSetAt = :now")
                    .conditionExpression("attribute_not_exists(firstPosition) OR (baseSetAt < :cutoff AND firstPosition < :base)")
                    .expressionAttributeNames(Map.of("#type", "type"))
                    .expressionAttributeValues(Map.of(":type", s("EVENT_LOG_HEAD"), ":base", number(candidate),
                            ":now", instant(now), ":cutoff", instant(now.minus(retention)))));
            return candidate;
        } catch (ConditionalCheckFailedException setAlready) {
            return table.item(key).map(item -> Long.parseLong(item.get("firstPosition").n()))
                    .orElseThrow(() -> new IllegalStateException("The head of the event log of " + account + " vanished"));
        }
    }

    /** The log's last position, and the event if an earlier append put it there. */
    private record Tail(long last, Optional<Logged> found) {}

    /**
     * Reads the log backwards from its end, as far as the event could have been appended: to an earlier
     * event of the same appointment (appended before it), or to entries appended before the event
     * happened (less the clock skew).
     */
    private Tail tail(AccountId account, AppointmentEvent event) {
        long last = 0;
        Instant horizon = event.at().minus(CLOCK_SKEW);
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> exclusiveStart = start;
            QueryResponse page = table.client().query(b -> b.tableName(table.name())
                    .keyConditionExpression("PK = :pk")
                    .expressionAttributeValues(Map.of(":pk", s(EventLogKeys.eventLog(account.toString()))))
                    .scanIndexForward(false)
                    .consistentRead(true)
                    .limit(TAIL_PAGE)
                    .exclusiveStartKey(exclusiveStart));
            for (Map<String, AttributeValue> item : page.items()) {
                Logged logged = logged(account, item);
                if (last == 0) {
                    last = logged.position();
                }
                if (logged.event().id().equals(event.id())) {
                    return new Tail(last, Optional.of(logged));
                }
                boolean earlierOfSameAppointment = logged.event().appointmentId().equals(event.appointmentId())
                        && logged.event().indexInAppointment() < event.indexInAppointment();
                if (earlierOfSameAppointment || logged.appendedAt().isBefore(horizon)) {
                    return new Tail(last, Optional.empty());
                }
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return new Tail(last, Optional.empty());
    }

    @Override
    public List<Logged> after(AccountId account, long position, int limit) {
        QueryResponse page = table.client().query(b -> b.tableName(table.name())
                .keyConditionExpression("PK = :pk AND SK > :after")
                .expressionAttributeValues(Map.of(":pk", s(EventLogKeys.eventLog(account.toString())),
                        ":after", s(EventLogKeys.eventPosition(position))))
                .consistentRead(true)
                .limit(limit));
        return page.items().stream().map(item -> logged(account, item)).toList();
    }

    @Override
    public long last(AccountId account) {
        QueryResponse page = table.client().query(b -> b.tableName(table.name())
                .keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", s(EventLogKeys.eventLog(account.toString()))))
                .scanIndexForward(false)
                .consistentRead(true)
                .limit(1));
        return page.items().isEmpty() ? 0 : logged(account, page.items().get(0)).position();
    }

    @Override
    public Optional<Logged> at(AccountId account, long position) {
        return table.item(EventLogKeys.eventLogEntry(account.toString(), position)).map(item -> logged(account, item));
    }

    private Map<String, AttributeValue> item(Logged logged) {
        AppointmentEvent e = logged.event();
        Map<String, AttributeValue> item = new HashMap<>(EventLogKeys.eventLogEntry(logged.account().toString(), logged.position()));
        item.put("type", s("APPOINTMENT_EVENT"));
        item.put("eventId", s(e.id()));
        item.put("kind", s(e.kind().name()));
        item.put("appointmentId", s(e.appointmentId().toString()));
        item.put("doctorId", s(e.doctorId().toString()));
        item.put("patientId", s(e.patientId().toString()));
        item.put("status", s(e.status().name()));
        e.reason().ifPresent(r -> item.put("reason", s(r)));
        item.put("start", instant(e.start()));
        item.put("end", instant(e.end()));
        e.previousStart().ifPresent(p -> item.put("previousStart", instant(p)));
        item.put("at", instant(e.at()));
        item.put("appendedAt", instant(logged.appendedAt()));
        item.put(Attributes.TTL, Attributes.epochSeconds(logged.appendedAt().plus(retention).plus(Duration.ofDays(1))));
        return item;
    }

    private static Logged logged(AccountId account, Map<String, AttributeValue> item) {
        long position = Long.parseLong(string(item, "SK").substring(2));
        AppointmentEvent event = new AppointmentEvent(string(item, "eventId"),
                AppointmentEventKind.valueOf(string(item, "kind")),
                AppointmentId.of(string(item, "appointmentId")),
                AccountId.of(string(item, "doctorId")),
                AccountId.of(string(item, "patientId")),
                AppointmentStatus.valueOf(string(item, "status")),
                optionalString(item, "reason"),
                instant(item, "start"),
                instant(item, "end"),
                optionalInstant(item, "previousStart"),
                instant(item, "at"));
        return new Logged(account, position, instant(item, "appendedAt"), event);
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
