package br.com.healthmed.scheduling.store;

import static br.com.healthmed.platform.storage.Attributes.TTL;
import static br.com.healthmed.platform.storage.Attributes.epochSeconds;
import static br.com.healthmed.platform.storage.Attributes.instant;
import static br.com.healthmed.platform.storage.Attributes.optionalString;
import static br.com.healthmed.platform.storage.Attributes.s;
import static br.com.healthmed.platform.storage.Attributes.string;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.PlatformErrors;
import br.com.healthmed.platform.storage.BatchWrites;
import br.com.healthmed.platform.storage.DynamoTable;
import br.com.healthmed.platform.storage.Keys;
import br.com.healthmed.scheduling.AppointmentId;
import br.com.healthmed.scheduling.Slot;
import br.com.healthmed.scheduling.SlotId;
import br.com.healthmed.scheduling.SlotStore;
import br.com.healthmed.scheduling.SortKeys;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Slots in DynamoDB. Each slot is its own item ({@code SLOT#<id>}), so the claims on a sought-after
 * doctor's slots fall on many partitions; GSI1 lists a doctor's slots by UTC month.
 *
 * <p>No two slots of a doctor may overlap, which no single slot item can know. The doctor's
 * {@code LAYOUT} item holds the interval of every slot and a version: publishing reads it, checks the
 * new slots against it and writes it back only over the version it read (one conditional write, the
 * commit point), then writes the slot items. A crash in between leaves intervals without slots; an
 * interval whose slot is still missing a minute after it was written is dropped the next time it is
 * in the way. Removing a slot deletes the item first, then its interval.
 */
class DynamoSlotStore implements SlotStore {

    private static final Duration UNWRITTEN_SLOT_GRACE = Duration.ofMinutes(1);
    /** Intervals that ended this long ago cannot collide with a new (future) slot; they are dropped. */
    private static final Duration LAYOUT_KEEPS = Duration.ofDays(1);
    private static final Duration SLOT_ITEM_LIFETIME = Duration.ofDays(400);
    private static final int LAYOUT_ATTEMPTS = 10;
    /**
     * The most live slots one doctor's LAYOUT item holds (about 65 bytes each, well under DynamoDB's
     * 400 KB item limit): 90 days of 45 slots a day. Beyond it publishing is refused with a clear error.
     */
    static final int MAX_LIVE_SLOTS = 4_000;

    private final DynamoTable table;

    DynamoSlotStore(DynamoTable table) {
        this.table = table;
    }

    @Override
    public Optional<Slot> addAll(AccountId doctorId, List<Slot> slots) {
        for (int attempt = 1; attempt <= LAYOUT_ATTEMPTS; attempt++) {
            Layout layout = readLayout(doctorId);
            Map<String, Interval> intervals = new HashMap<>(layout.intervals());
            // The layout's own housekeeping runs on the machine's time, not the service's clock: it only
            // ages out leftovers and ended intervals, and must agree across instances.
            Instant now = Instant.now();
            intervals.values().removeIf(i -> i.end().isBefore(now.minus(LAYOUT_KEEPS)));
            for (Slot slot : slots) {
                Optional<Slot> conflict = firstLiveConflict(intervals, slot, now);
                if (conflict.isPresent()) {
                    return conflict;
                }
            }
            if (intervals.size() + slots.size() > MAX_LIVE_SLOTS) {
                throw DomainException.invalid(PlatformErrors.BAD_USER_INPUT, "slots", "A doctor can have at most " + MAX_LIVE_SLOTS
                        + " upcoming slots; publish fewer or further apart.");
            }
            for (Slot slot : slots) {
                intervals.put(slot.id().toString(), new Interval(slot.start(), slot.end(), now));
            }
            if (writeLayout(doctorId, layout.version(), intervals)) {
                putNewSlots(slots);
                return Optional.empty();
            }
        }
        throw new DomainException(PlatformErrors.SERVICE_BUSY, "This agenda is being changed by another request; try again.",
                Map.of("retryAfterSeconds", 1));
    }

    /** The existing slot this one collides with, dropping (from {@code intervals}) leftovers of crashed writes. */
    private Optional<Slot> firstLiveConflict(Map<String, Interval> intervals, Slot slot, Instant now) {
        for (Map.Entry<String, Interval> entry : List.copyOf(intervals.entrySet())) {
            Interval interval = entry.getValue();
            if (!(interval.start().isBefore(slot.end()) && slot.start().isBefore(interval.end()))) {
                continue;
            }
            Optional<Slot> existing = find(SlotId.of(entry.getKey()));
            if (existing.isPresent()) {
                return existing;
            }
            if (interval.addedAt().plus(UNWRITTEN_SLOT_GRACE).isAfter(now)) {
                // Being published right now by another request: its items are on their way.
                return Optional.of(new Slot(SlotId.of(entry.getKey()), slot.doctorId(), interval.start(), interval.end(),
                        Optional.empty()));
            }
            intervals.remove(entry.getKey());
        }
        return Optional.empty();
    }

    @Override
    public Optional<Slot> find(SlotId id) {
        return table.item(SlotKeys.slot(id.toString())).map(DynamoSlotStore::slot);
    }

    @Override
    public List<Slot> ofDoctor(AccountId doctorId, Instant from, Instant to, int limit) {
        List<Slot> found = new ArrayList<>();
        if (!to.isAfter(from)) {
            return found;
        }
        YearMonth last = YearMonth.from(to.atOffset(ZoneOffset.UTC));
        for (YearMonth month = YearMonth.from(from.atOffset(ZoneOffset.UTC)); !month.isAfter(last); month = month.plusMonths(1)) {
            String partition = SlotKeys.doctorAgendaMonth(doctorId.toString(), month.toString());
            Map<String, AttributeValue> startKey = null;
            do {
                Map<String, AttributeValue> exclusiveStart = startKey;
                int remaining = limit - found.size();
                QueryResponse page = table.client().query(b -> b.tableName(table.name()).indexName(Keys.GSI1)
                        .keyConditionExpression("#pk = :pk AND #sk BETWEEN :from AND :to")
                        .expressionAttributeNames(Map.of("#pk", Keys.GSI1PK, "#sk", Keys.GSI1SK))
                        .expressionAttributeValues(Map.of(":pk", s(partition),
                                ":from", s(SortKeys.instant(from)), ":to", s(SortKeys.instant(to))))
                        .limit(Math.min(remaining, 500))
                        .exclusiveStartKey(exclusiveStart));
                for (Map<String, AttributeValue> item : page.items()) {
                    Slot slot = slot(item);
                    if (!slot.start().isBefore(from) && slot.start().isBefore(to)) {
                        found.add(slot);
                    }
                }
                startKey = DynamoTable.hasMore(page) ? page.lastEvaluatedKey() : null;
            } while (startKey != null && found.size() < limit);
            if (found.size() >= limit) {
                return found.subList(0, limit);
            }
        }
        return found;
    }

    @Override
    public Optional<Slot> claim(SlotId id, Slot.Hold hold, Optional<Slot.Hold> replacing) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":a", s(hold.appointmentId().toString()),
                ":p", s(hold.patientId().toString()),
                ":k", s(hold.idempotencyKey()),
                ":t", instant(hold.claimedAt())));
        String condition = "attribute_exists(PK) AND (attribute_not_exists(appointmentId)";
        if (replacing.isPresent()) {
            values.putAll(exactly(replacing.get(), "r"));
            condition += " OR " + EXACT_HOLD.replace(":", ":r");
        }
        String finalCondition = condition + ")";
        try {
            UpdateItemResponse response = table.client().updateItem(b -> b.tableName(table.name()).key(SlotKeys.slot(id.toString()))
                    .updateExpression("SET appointmentId = :a, patientId = :p, idemKey = :k, claimedAt = :t")
                    .conditionExpression(finalCondition)
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW));
            return Optional.of(slot(response.attributes()));
        } catch (ConditionalCheckFailedException taken) {
            // A retry of the request that holds the slot succeeds with that first hold, left as it is:
            // overwriting it would swap in the retry's appointment id and restart its claimedAt.
            return find(id).filter(s -> s.hold().filter(h -> h.isRequest(hold.patientId(), hold.idempotencyKey())).isPresent());
        }
    }

    @Override
    public void release(SlotId id, AppointmentId appointmentId) {
        try {
            table.client().updateItem(b -> b.tableName(table.name()).key(SlotKeys.slot(id.toString()))
                    .updateExpression("REMOVE appointmentId, patientId, idemKey, claimedAt")
                    .conditionExpression("appointmentId = :a")
                    .expressionAttributeValues(Map.of(":a", s(appointmentId.toString()))));
        } catch (ConditionalCheckFailedException notHeldByIt) {
            // already released, or held by a later booking: nothing to do
        }
    }

    @Override
    public void release(SlotId id, Slot.Hold hold) {
        try {
            table.client().updateItem(b -> b.tableName(table.name()).key(SlotKeys.slot(id.toString()))
                    .updateExpression("REMOVE appointmentId, patientId, idemKey, claimedAt")
                    .conditionExpression(EXACT_HOLD)
                    .expressionAttributeValues(exactly(hold, "")));
        } catch (ConditionalCheckFailedException notThatHold) {
            // released already, or held anew: nothing to do
        }
    }

    /** The condition that the slot is held by exactly one hold (appointment, key and claim time). */
    private static final String EXACT_HOLD = "(appointmentId = :ha AND idemKey = :hk AND claimedAt = :ht)";

    private static Map<String, AttributeValue> exactly(Slot.Hold hold, String prefix) {
        return Map.of(":" + prefix + "ha", s(hold.appointmentId().toString()), ":" + prefix + "hk", s(hold.idempotencyKey()),
                ":" + prefix + "ht", instant(hold.claimedAt()));
    }

    @Override
    public boolean remove(SlotId id, Optional<Slot.Hold> staleHold) {
        Map<String, AttributeValue> values = new HashMap<>();
        String condition = "attribute_not_exists(appointmentId)";
        if (staleHold.isPresent()) {
            values.putAll(exactly(staleHold.get(), "s"));
            condition += " OR " + EXACT_HOLD.replace(":", ":s");
        }
        String finalCondition = condition;
        Map<String, AttributeValue> old;
        try {
            old = table.client().deleteItem(b -> b.tableName(table.name()).key(SlotKeys.slot(id.toString()))
                    .conditionExpression(finalCondition)
                    .expressionAttributeValues(values.isEmpty() ? null : values)
                    .returnValues(ReturnValue.ALL_OLD)).attributes();
        } catch (ConditionalCheckFailedException held) {
            return false;
        }
        if (old != null && !old.isEmpty()) {
            removeInterval(string(old, "doctorId"), id.toString());
        }
        return true;
    }

    private void removeInterval(String doctorId, String slotId) {
        try {
            table.client().updateItem(b -> b.tableName(table.name()).key(SlotKeys.slotLayout(doctorId))
                    .updateExpression("REMOVE intervals.#slot ADD version :one")
                    .conditionExpression("attribute_exists(PK)")
                    .expressionAttributeNames(Map.of("#slot", slotId))
                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
        } catch (ConditionalCheckFailedException noLayout) {
            // nothing to remove
        }
    }

    // --- items ----------------------------------------------------------------------------------

    private record Interval(Instant start, Instant end, Instant addedAt) {
        /** {@code <start epoch s>/<length s>/<added epoch s>}: short, since a layout holds thousands. */
        String encoded() {
            return start.getEpochSecond() + "/" + (end.getEpochSecond() - start.getEpochSecond()) + "/" + addedAt.getEpochSecond();
        }

        static Interval decode(String value) {
            String[] parts = value.split("/");
            Instant start = Instant.ofEpochSecond(Long.parseLong(parts[0]));
            return new Interval(start, start.plusSeconds(Long.parseLong(parts[1])), Instant.ofEpochSecond(Long.parseLong(parts[2])));
        }
    }

    private record Layout(long version, Map<String, Interval> intervals) {}

    private Layout readLayout(AccountId doctorId) {
        return table.item(SlotKeys.slotLayout(doctorId.toString())).map(item -> {
            Map<String, Interval> intervals = new HashMap<>();
            AttributeValue stored = item.get("intervals");
            if (stored != null && stored.hasM()) {
                stored.m().forEach((slot, interval) -> intervals.put(slot, Interval.decode(interval.s())));
            }
            return new Layout(Long.parseLong(item.get("version").n()), intervals);
        }).orElse(new Layout(0, Map.of()));
    }

    private boolean writeLayout(AccountId doctorId, long readVersion, Map<String, Interval> intervals) {
        Map<String, AttributeValue> item = new HashMap<>(SlotKeys.slotLayout(doctorId.toString()));
        Map<String, AttributeValue> encoded = new HashMap<>();
        intervals.forEach((slot, interval) -> encoded.put(slot, s(interval.encoded())));
        item.put("type", s("SLOT_LAYOUT"));
        item.put("intervals", AttributeValue.fromM(encoded));
        return table.putOverVersion(item, readVersion);
    }

    /** New slots (random ids, never held) in batches of 25, retrying what DynamoDB leaves unprocessed. */
    private void putNewSlots(List<Slot> slots) {
        if (slots.size() == 1) {
            putSlot(slots.get(0));
            return;
        }
        BatchWrites.putAll(table, slots.stream().map(DynamoSlotStore::item).toList());
    }

    /** One slot; a slot put back after a failed move must not wipe a claim, hence the condition. */
    private void putSlot(Slot slot) {
        Map<String, AttributeValue> item = item(slot);
        table.client().putItem(b -> b.tableName(table.name()).item(item).conditionExpression("attribute_not_exists(appointmentId)"));
    }

    private static Map<String, AttributeValue> item(Slot slot) {
        Map<String, AttributeValue> item = new HashMap<>(SlotKeys.slot(slot.id().toString()));
        item.put("type", s("SLOT"));
        item.put("doctorId", s(slot.doctorId().toString()));
        item.put("start", instant(slot.start()));
        item.put("end", instant(slot.end()));
        item.put(Keys.GSI1PK, s(SlotKeys.doctorAgendaMonth(slot.doctorId().toString(),
                YearMonth.from(slot.start().atOffset(ZoneOffset.UTC)).toString())));
        item.put(Keys.GSI1SK, s(SortKeys.of(slot.start(), slot.id())));
        item.put(TTL, epochSeconds(slot.end().plus(SLOT_ITEM_LIFETIME)));
        return item;
    }

    private static Slot slot(Map<String, AttributeValue> item) {
        Optional<String> appointment = optionalString(item, "appointmentId");
        Optional<Slot.Hold> hold = appointment.map(a -> new Slot.Hold(AppointmentId.of(a),
                AccountId.of(string(item, "patientId")), string(item, "idemKey"), instant(item, "claimedAt")));
        return new Slot(SlotId.of(SlotKeys.slotIdOf(string(item, Keys.PK))), AccountId.of(string(item, "doctorId")),
                instant(item, "start"), instant(item, "end"), hold);
    }
}
