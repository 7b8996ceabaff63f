package br.com.healthmed.notifications.store;

import static br.com.healthmed.platform.storage.Attributes.epochSeconds;
import static br.com.healthmed.platform.storage.Attributes.instant;
import static br.com.healthmed.platform.storage.Attributes.s;
import static br.com.healthmed.platform.storage.Attributes.string;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.notifications.Reminder;
import br.com.healthmed.notifications.ReminderStore;
import br.com.healthmed.platform.storage.Attributes;
import br.com.healthmed.platform.storage.DynamoTable;
import br.com.healthmed.platform.storage.Keys;
import br.com.healthmed.platform.storage.TimePositions;
import br.com.healthmed.scheduling.AppointmentId;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * An appointment's reminders in its own partition ({@link NotificationKeys#reminder}), one item per lead.
 * A reminder not yet done also sits in GSI1 under the UTC hour it is due
 * ({@link NotificationKeys#remindersDue}, sort key {@code <due>#<appointment>#<lead>}), which the sweep
 * reads hour by hour; being done removes it from the index. The index is eventually consistent, so a
 * claim is a conditional update of the item itself: still pending with the same start, or claimed
 * with a lease that has run out.
 */
class DynamoReminderStore implements ReminderStore {

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH").withZone(ZoneOffset.UTC);
    /** Reminder items are kept this long after the consultation's start (DynamoDB's TTL cleans up). */
    private static final Duration KEEP = Duration.ofDays(7);

    private final DynamoTable table;

    DynamoReminderStore(DynamoTable table) {
        this.table = table;
    }

    @Override
    public void plan(AppointmentId appointmentId, List<Reminder> reminders) {
        Set<Reminder> wanted = Set.copyOf(reminders);
        for (Reminder existing : planned(appointmentId)) {
            if (!wanted.contains(existing)) {
                delete(existing);
            }
        }
        for (Reminder reminder : wanted) {
            Map<String, AttributeValue> item = new HashMap<>(key(reminder));
            item.put("type", s("REMINDER"));
            item.put("appointmentId", s(appointmentId.toString()));
            item.put("doctorId", s(reminder.doctorId().toString()));
            item.put("patientId", s(reminder.patientId().toString()));
            item.put("leadSeconds", AttributeValue.fromN(Long.toString(reminder.lead().toSeconds())));
            item.put("start", instant(reminder.start()));
            item.put("state", s("PENDING"));
            item.put(Keys.GSI1PK, s(NotificationKeys.remindersDue(HOUR.format(reminder.dueAt()))));
            item.put(Keys.GSI1SK, s(TimePositions.wholeSeconds(reminder.dueAt()) + "#" + appointmentId + "#" + reminder.lead().toSeconds()));
            item.put(Attributes.TTL, epochSeconds(reminder.start().plus(KEEP)));
            try {
                table.client().putItem(b -> b.tableName(table.name()).item(item)
                        .conditionExpression("attribute_not_exists(PK) OR #start <> :start")
                        .expressionAttributeNames(Map.of("#start", "start"))
                        .expressionAttributeValues(Map.of(":start", instant(reminder.start()))));
            } catch (ConditionalCheckFailedException alreadyPlanned) {
                // the same reminder, planned before: it keeps its state (a sent one stays sent)
            }
        }
    }

    @Override
    public void cancel(AppointmentId appointmentId) {
        planned(appointmentId).forEach(this::delete);
    }

    @Override
    public List<Reminder> due(Instant now, Instant notBefore, int limit) {
        List<Reminder> due = new ArrayList<>();
        String upper = TimePositions.wholeSeconds(now) + "#~";
        String lower = TimePositions.wholeSeconds(notBefore);
        for (Instant hour = notBefore.truncatedTo(ChronoUnit.HOURS); !hour.isAfter(now) && due.size() < limit;
             hour = hour.plus(Duration.ofHours(1))) {
            String partition = NotificationKeys.remindersDue(HOUR.format(hour));
            int remaining = limit - due.size();
            table.client().query(b -> b.tableName(table.name()).indexName(Keys.GSI1)
                            .keyConditionExpression("GSI1PK = :pk AND GSI1SK BETWEEN :lower AND :upper")
                            .expressionAttributeValues(Map.of(":pk", s(partition), ":lower", s(lower), ":upper", s(upper)))
                            .limit(remaining))
                    .items().forEach(item -> due.add(reminder(item)));
        }
        due.sort(Comparator.comparing(Reminder::dueAt));
        return due;
    }

    @Override
    public boolean claim(Reminder reminder, Instant now, Duration lease) {
        try {
            table.client().updateItem(b -> b.tableName(table.name()).key(key(reminder))
                    .updateExpression("SET #state = :claimed, leaseUntil = :lease")
                    .conditionExpression("#start = :start AND (#state = :pending OR (#state = :claimed AND leaseUntil < :now))")
                    .expressionAttributeNames(Map.of("#state", "state", "#start", "start"))
                    .expressionAttributeValues(Map.of(":claimed", s("CLAIMED"), ":pending", s("PENDING"),
                            ":start", instant(reminder.start()), ":now", s(TimePositions.wholeSeconds(now)),
                            ":lease", s(TimePositions.wholeSeconds(now.plus(lease))))));
            return true;
        } catch (ConditionalCheckFailedException takenDoneOrMoved) {
            return false;
        }
    }

    @Override
    public void done(Reminder reminder) {
        try {
            table.client().updateItem(b -> b.tableName(table.name()).key(key(reminder))
                    .updateExpression("SET #state = :done REMOVE leaseUntil, GSI1PK, GSI1SK")
                    .conditionExpression("#start = :start")
                    .expressionAttributeNames(Map.of("#state", "state", "#start", "start"))
                    .expressionAttributeValues(Map.of(":done", s("DONE"), ":start", instant(reminder.start()))));
        } catch (ConditionalCheckFailedException movedOrCancelled) {
            // re-planned or cancelled meanwhile: the new plan is not ours to close
        }
    }

    private List<Reminder> planned(AppointmentId appointmentId) {
        return table.client().queryPaginator(b -> b.tableName(table.name()).consistentRead(true)
                        .keyConditionExpression("PK = :pk")
                        .expressionAttributeValues(Map.of(":pk", s(NotificationKeys.reminders(appointmentId.toString())))))
                .items().stream().map(DynamoReminderStore::reminder).collect(Collectors.toList());
    }

    private void delete(Reminder reminder) {
        table.client().deleteItem(b -> b.tableName(table.name()).key(key(reminder)));
    }

    private static Map<String, AttributeValue> key(Reminder reminder) {
        return NotificationKeys.reminder(reminder.appointmentId().toString(), reminder.lead().toSeconds());
    }

    private static Reminder reminder(Map<String, AttributeValue> item) {
        return new Reminder(AppointmentId.of(string(item, "appointmentId")), AccountId.of(string(item, "doctorId")),
                AccountId.of(string(item, "patientId")), Duration.ofSeconds(Long.parseLong(item.get("leadSeconds").n())), instant(item, "start"));
    }
}
