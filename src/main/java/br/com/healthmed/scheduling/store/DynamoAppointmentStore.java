package br.com.healthmed.scheduling.store;

import static br.com.healthmed.platform.storage.Attributes.instant;
import static br.com.healthmed.platform.storage.Attributes.optionalString;
import static br.com.healthmed.platform.storage.Attributes.s;
import static br.com.healthmed.platform.storage.Attributes.string;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.security.Role;
import br.com.healthmed.platform.storage.BatchReads;
import br.com.healthmed.platform.storage.DynamoTable;
import br.com.healthmed.platform.storage.Keys;
import br.com.healthmed.scheduling.Appointment;
import br.com.healthmed.scheduling.AppointmentId;
import br.com.healthmed.scheduling.AppointmentStatus;
import br.com.healthmed.scheduling.AppointmentStore;
import br.com.healthmed.scheduling.BookingOrigin;
import br.com.healthmed.scheduling.SlotId;
import br.com.healthmed.scheduling.SortKeys;
import br.com.healthmed.telehealth.MeetingRoom;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Appointments in DynamoDB: {@code APPT#<id>} items, listed by patient through GSI1 and by doctor
 * through GSI2 (sort key {@code <start>#<id>}, the clients' cursor). A change is a put conditioned on
 * the version it was computed from. Due checks are small items in 16 shards, kept until cleared; reviews live
 * under the doctor. Appointments carry no {@code ttl}: they are the medical history.
 */
class DynamoAppointmentStore implements AppointmentStore {

    static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH").withZone(ZoneOffset.UTC);
    /**
     * The previous release kept each check in the hourly partition of its time, written up to the publishing
     * horizon ahead, with a {@code ttl} two days after that time. While an instance of it may still write them,
     * the sweep reads the last two days of those hours too ({@link #dueChecks}); and {@link LegacyChecks} moves
     * every one of them, from two days back to the horizon and two days past it, into the shards.
     */
    static final Duration LEGACY_CHECKS_KEPT = Duration.ofHours(48);

    private static final String ABANDONED = "ABANDONED_APPOINTMENT";

    private final DynamoTable table;
    private final LegacyChecks legacyChecks;

    /** @param horizon how far ahead the previous release may have written checks (the publishing horizon) */
    DynamoAppointmentStore(DynamoTable table, Duration horizon) {
        this(table, new LegacyChecks(table, horizon, LegacyChecks.HOURS_PER_RUN));
    }

    DynamoAppointmentStore(DynamoTable table, LegacyChecks legacyChecks) {
        this.table = table;
        this.legacyChecks = legacyChecks;
    }

    @Override
    public boolean create(Appointment appointment) {
        try {
            table.client().putItem(b -> b.tableName(table.name()).item(item(appointment))
                    .conditionExpression("attribute_not_exists(PK)"));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    @Override
    public Optional<Appointment> find(AppointmentId id) {
        return table.item(AppointmentKeys.appointment(id.toString())).filter(DynamoAppointmentStore::isAppointment)
                .map(DynamoAppointmentStore::appointment);
    }

    @Override
    public boolean abandon(AppointmentId id) {
        Map<String, AttributeValue> tombstone = new HashMap<>(AppointmentKeys.appointment(id.toString()));
        tombstone.put("type", s(ABANDONED));
        try {
            table.client().putItem(b -> b.tableName(table.name()).item(tombstone).conditionExpression("attribute_not_exists(PK)"));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return table.item(AppointmentKeys.appointment(id.toString())).filter(item -> !isAppointment(item)).isPresent();
        }
    }

    /** An abandoned id's item is a tombstone without the appointment's attributes (nor index keys). */
    private static boolean isAppointment(Map<String, AttributeValue> item) {
        return !ABANDONED.equals(optionalString(item, "type").orElse(""));
    }

    @Override
    public Map<AppointmentId, Appointment> findAll(Collection<AppointmentId> ids) {
        Map<AppointmentId, Appointment> found = new HashMap<>();
        BatchReads.consistentItems(table, ids.stream().map(id -> AppointmentKeys.appointment(id.toString())).toList()).stream()
                .filter(DynamoAppointmentStore::isAppointment)
                .map(DynamoAppointmentStore::appointment)
                .forEach(a -> found.put(a.id(), a));
        return found;
    }

    @Override
    public boolean update(Appointment updated, long expectedVersion) {
        try {
            table.client().putItem(b -> b.tableName(table.name()).item(item(updated))
                    .conditionExpression("version = :expected")
                    .expressionAttributeValues(Map.of(":expected", AttributeValue.fromN(Long.toString(expectedVersion)))));
            return true;
        } catch (ConditionalCheckFailedException moved) {
            // A retried put whose first try landed finds its own version: that is success, not a race.
            return find(updated.id()).filter(stored -> stored.equals(updated)).isPresent();
        }
    }

    @Override
    public Page ofPatient(AccountId patientId, Instant from, Instant to, Optional<String> cursor, int limit, Direction direction) {
        return page(Keys.GSI1, Keys.GSI1PK, Keys.GSI1SK, AppointmentKeys.patientAppointments(patientId.toString()), from, to, cursor,
                limit, direction);
    }

    @Override
    public Page ofDoctor(AccountId doctorId, Instant from, Instant to, Optional<String> cursor, int limit, Direction direction) {
        return page(Keys.GSI2, Keys.GSI2PK, Keys.GSI2SK, AppointmentKeys.doctorAppointments(doctorId.toString()), from, to, cursor,
                limit, direction);
    }

    /** One query of the index, ascending or (BACKWARD) descending, from just past the cursor when it lies in the range. */
    private Page page(String index, String pkName, String skName, String partition, Instant from, Instant to,
                      Optional<String> given, int limit, Direction direction) {
        String low = SortKeys.instant(from);
        String high = SortKeys.instant(to);
        boolean forward = direction == Direction.FORWARD;
        boolean pastTheRange = forward ? given.filter(a -> a.compareTo(high) >= 0).isPresent()
                : given.filter(b -> b.compareTo(low) <= 0).isPresent();
        if (!to.isAfter(from) || pastTheRange) {
            return new Page(List.of(), List.of(), false);
        }
        Optional<String> cursor = forward ? given.filter(a -> a.compareTo(low) >= 0) : given.filter(b -> b.compareTo(high) < 0);
        List<Appointment> found = new ArrayList<>();
        List<String> cursors = new ArrayList<>();
        Map<String, AttributeValue> startKey = cursor.map(c -> exclusiveStart(pkName, skName, partition, c)).orElse(null);
        do {
            Map<String, AttributeValue> exclusiveStart = startKey;
            QueryResponse response = table.client().query(b -> b.tableName(table.name()).indexName(index)
                    .keyConditionExpression("#pk = :pk AND #sk BETWEEN :low AND :high")
                    .expressionAttributeNames(Map.of("#pk", pkName, "#sk", skName))
                    .expressionAttributeValues(Map.of(":pk", s(partition), ":low", s(low), ":high", s(high)))
                    .limit(limit + 1 - found.size())
                    .scanIndexForward(forward)
                    .exclusiveStartKey(exclusiveStart));
            for (Map<String, AttributeValue> item : response.items()) {
                if (found.size() == limit) {
                    return new Page(found, cursors, true);
                }
                found.add(appointment(item));
                cursors.add(string(item, skName));
            }
            startKey = DynamoTable.hasMore(response) ? response.lastEvaluatedKey() : null;
        } while (startKey != null);
        return new Page(found, cursors, false);
    }

    /** The index position just after the cursor {@code <start>#<id>}: table key plus index key. */
    private static Map<String, AttributeValue> exclusiveStart(String pkName, String skName, String partition, String cursor) {
        String appointmentId = cursor.substring(cursor.indexOf('#') + 1);
        Map<String, AttributeValue> key = new HashMap<>(AppointmentKeys.appointment(appointmentId));
        key.put(pkName, s(partition));
        key.put(skName, s(cursor));
        return key;
    }

    /**
     * A check stays in its shard until the sweep clears it, however late that is (every instance down for a
     * day, a check that keeps failing): no time window to fall out of, and no {@code ttl}, which would let
     * DynamoDB drop a check nobody made.
     */
    @Override
    public void scheduleCheck(DueCheck check) {
        table.client().putItem(b -> b.tableName(table.name()).item(pendingCheck(check)));
    }

    static Map<String, AttributeValue> pendingCheck(DueCheck check) {
        Map<String, AttributeValue> item = new HashMap<>(AppointmentKeys.pendingCheck(check.appointmentId().toString(),
                SortKeys.of(check.at(), check.appointmentId())));
        item.put("type", s("DUE_CHECK"));
        item.put("appointmentId", s(check.appointmentId().toString()));
        item.put("at", instant(check.at()));
        if (check.failures() > 0) {
            item.put("failures", AttributeValue.fromN(Integer.toString(check.failures())));
        }
        return item;
    }

    static DueCheck dueCheck(Map<String, AttributeValue> item) {
        AttributeValue failures = item.get("failures");
        return new DueCheck(AppointmentId.of(string(item, "appointmentId")), instant(item, "at"),
                failures == null ? 0 : Integer.parseInt(failures.n()));
    }

    /**
     * The oldest due checks of the 16 shards together, and of the last two days of hourly partitions the
     * previous release wrote (kept while an instance of it may run: see {@link LegacyChecks}). Each call first
     * moves a bounded batch of those hourly partitions into the shards, until all are moved.
     */
    @Override
    public List<DueCheck> dueChecks(Instant now, int limit) {
        legacyChecks.moveSome(now);
        List<DueCheck> due = new ArrayList<>();
        for (int shard = 0; shard < Keys.HEX_SHARDS; shard++) {
            due.addAll(dueIn(AppointmentKeys.pendingChecks(Keys.hexShard(shard)), now, limit));
        }
        Instant hour = now.minus(LEGACY_CHECKS_KEPT).truncatedTo(ChronoUnit.HOURS);
        for (; !hour.isAfter(now); hour = hour.plus(Duration.ofHours(1))) {
            due.addAll(dueIn(AppointmentKeys.dueHour(HOUR.format(hour)), now, limit));
        }
        return due.stream().distinct()
                .sorted(Comparator.comparing(DueCheck::at).thenComparing(check -> check.appointmentId().toString()))
                .limit(limit).toList();
    }

    private List<DueCheck> dueIn(String partition, Instant now, int limit) {
        return table.client().query(b -> b.tableName(table.name())
                        .keyConditionExpression("PK = :pk AND SK <= :now")
                        .expressionAttributeValues(Map.of(":pk", s(partition), ":now", s(SortKeys.instant(now) + "#~")))
                        .limit(limit))
                .items().stream()
                .map(DynamoAppointmentStore::dueCheck)
                .toList();
    }

    @Override
    public void clearCheck(DueCheck check) {
        String sortKey = SortKeys.of(check.at(), check.appointmentId());
        table.client().deleteItem(b -> b.tableName(table.name()).key(AppointmentKeys.pendingCheck(check.appointmentId().toString(), sortKey)));
        // written by the previous release, if it scheduled this check
        table.client().deleteItem(b -> b.tableName(table.name()).key(AppointmentKeys.dueCheck(HOUR.format(check.at()), sortKey)));
    }

    @Override
    public boolean addReview(Review review) {
        Map<String, AttributeValue> item = new HashMap<>(AppointmentKeys.review(review.doctorId().toString(),
                SortKeys.of(review.ratedAt(), review.appointmentId())));
        item.put("type", s("REVIEW"));
        item.put("appointmentId", s(review.appointmentId().toString()));
        item.put("stars", AttributeValue.fromN(Integer.toString(review.stars())));
        review.comment().ifPresent(c -> item.put("comment", s(c)));
        item.put("ratedAt", instant(review.ratedAt()));
        try {
            table.client().putItem(b -> b.tableName(table.name()).item(item).conditionExpression("attribute_not_exists(PK)"));
            return true;
        } catch (ConditionalCheckFailedException already) {
            return false; // the same review, stored by an earlier try
        }
    }

    @Override
    public ReviewPage reviewsOf(AccountId doctorId, Optional<String> after, int limit) {
        String partition = AppointmentKeys.doctorReviews(doctorId.toString());
        QueryResponse response = table.client().query(b -> b.tableName(table.name())
                .keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", s(partition)))
                .scanIndexForward(false)
                .limit(limit + 1)
                .exclusiveStartKey(after.map(a -> AppointmentKeys.review(doctorId.toString(), a)).orElse(null)));
        List<Review> reviews = new ArrayList<>();
        List<String> cursors = new ArrayList<>();
        for (Map<String, AttributeValue> item : response.items()) {
            if (reviews.size() == limit) {
                return new ReviewPage(reviews, cursors, true);
            }
            reviews.add(new Review(AppointmentId.of(string(item, "appointmentId")), doctorId,
                    Integer.parseInt(item.get("stars").n()), optionalString(item, "comment"), instant(item, "ratedAt")));
            cursors.add(string(item, Keys.SK));
        }
        return new ReviewPage(reviews, cursors, DynamoTable.hasMore(response)
                && reviews.size() == limit);
    }

    // --- items ----------------------------------------------------------------------------------

    private static Map<String, AttributeValue> item(Appointment a) {
        Map<String, AttributeValue> item = new HashMap<>(AppointmentKeys.appointment(a.id().toString()));
        String sortKey = SortKeys.of(a.start(), a.id());
        item.put("type", s("APPOINTMENT"));
        item.put("slotId", s(a.slotId().toString()));
        item.put("doctorId", s(a.doctorId().toString()));
        item.put("patientId", s(a.patientId().toString()));
        item.put("start", instant(a.start()));
        item.put("end", instant(a.end()));
        a.price().ifPresent(p -> item.put("price", s(p.toPlainString()))); // text keeps the scale: 250.00 stays 250.00
        item.put("status", s(a.status().name()));
        item.put("version", AttributeValue.fromN(Long.toString(a.version())));
        item.put("requestedAt", instant(a.requestedAt()));
        item.put("answerBy", instant(a.answerBy()));
        a.origin().ifPresent(origin -> {
            origin.network().ifPresent(n -> item.put("originNetwork", s(n)));
            origin.wideNetwork().ifPresent(n -> item.put("originWideNetwork", s(n)));
            origin.device().ifPresent(d -> item.put("originDevice", s(d)));
        });
        a.reason().ifPresent(r -> item.put("reason", s(r)));
        a.cancelledBy().ifPresent(r -> item.put("cancelledBy", s(r.name())));
        a.room().ifPresent(room -> item.put("room", AttributeValue.fromM(Map.of(
                "name", s(room.name()), "opensAt", instant(room.opensAt()), "closesAt", instant(room.closesAt())))));
        a.rating().ifPresent(r -> {
            Map<String, AttributeValue> rating = new HashMap<>(Map.of(
                    "stars", AttributeValue.fromN(Integer.toString(r.stars())), "ratedAt", instant(r.ratedAt())));
            r.comment().ifPresent(c -> rating.put("comment", s(c)));
            item.put("rating", AttributeValue.fromM(rating));
        });
        item.put("history", AttributeValue.fromL(a.history().stream().map(t -> {
            Map<String, AttributeValue> step = new HashMap<>(Map.of("to", s(t.to().name()), "at", instant(t.at())));
            if (t.from() != null) {
                step.put("from", s(t.from().name()));
            }
            t.by().ifPresent(by -> step.put("by", s(by.name())));
            t.move().ifPresent(m -> step.put("move", AttributeValue.fromM(Map.of("kind", s(m.kind().name()),
                    "fromSlot", s(m.fromSlot().toString()), "fromStart", instant(m.fromStart()), "fromEnd", instant(m.fromEnd()),
                    "toSlot", s(m.toSlot().toString()), "toStart", instant(m.toStart()), "toEnd", instant(m.toEnd()),
                    "key", s(m.key())))));
            if (t.late()) {
                step.put("late", AttributeValue.fromBool(true));
            }
            return AttributeValue.fromM(step);
        }).toList()));
        a.pendingMove().ifPresent(m -> item.put("pendingMove", AttributeValue.fromM(Map.of("slot", s(m.slot().toString()),
                "key", s(m.key()), "holdKey", s(m.holdKey()), "since", instant(m.since()),
                "proposal", AttributeValue.fromBool(m.proposal()), "until", instant(m.until())))));
        item.put(Keys.GSI1PK, s(AppointmentKeys.patientAppointments(a.patientId().toString())));
        item.put(Keys.GSI1SK, s(sortKey));
        item.put(Keys.GSI2PK, s(AppointmentKeys.doctorAppointments(a.doctorId().toString())));
        item.put(Keys.GSI2SK, s(sortKey));
        return item;
    }

    private static Appointment appointment(Map<String, AttributeValue> item) {
        Optional<MeetingRoom> room = Optional.ofNullable(item.get("room")).map(AttributeValue::m)
                .map(m -> new MeetingRoom(string(m, "name"), instant(m, "opensAt"), instant(m, "closesAt")));
        Optional<Appointment.Rating> rating = Optional.ofNullable(item.get("rating")).map(AttributeValue::m)
                .map(m -> new Appointment.Rating(Integer.parseInt(m.get("stars").n()), optionalString(m, "comment"), instant(m, "ratedAt")));
        List<Appointment.Transition> history = item.get("history").l().stream().map(AttributeValue::m)
                .map(m -> new Appointment.Transition(optionalString(m, "from").map(AppointmentStatus::valueOf).orElse(null),
                        AppointmentStatus.valueOf(string(m, "to")), instant(m, "at"), optionalString(m, "by").map(Role::valueOf),
                        Optional.ofNullable(m.get("move")).map(AttributeValue::m).map(DynamoAppointmentStore::move),
                        m.containsKey("late") && m.get("late").bool()))
                .toList();
        Optional<Appointment.PendingMove> pendingMove = Optional.ofNullable(item.get("pendingMove")).map(AttributeValue::m)
                .map(m -> new Appointment.PendingMove(SlotId.of(string(m, "slot")), string(m, "key"), string(m, "holdKey"),
                        instant(m, "since"), m.get("proposal").bool(), instant(m, "until")));
        return new Appointment(
                AppointmentId.of(AppointmentKeys.appointmentIdOf(string(item, Keys.PK))),
                SlotId.of(string(item, "slotId")),
                AccountId.of(string(item, "doctorId")),
                AccountId.of(string(item, "patientId")),
                instant(item, "start"),
                instant(item, "end"),
                optionalString(item, "price").map(BigDecimal::new),
                AppointmentStatus.valueOf(string(item, "status")),
                Long.parseLong(item.get("version").n()),
                instant(item, "requestedAt"),
                item.containsKey("answerBy") ? instant(item, "answerBy") : instant(item, "start"), // stored before requests expired early
                optionalString(item, "reason"),
                optionalString(item, "cancelledBy").map(Role::valueOf),
                room,
                rating,
                history,
                origin(item),
                pendingMove);
    }

    private static Appointment.Move move(Map<String, AttributeValue> m) {
        return new Appointment.Move(Appointment.MoveKind.valueOf(string(m, "kind")), SlotId.of(string(m, "fromSlot")),
                instant(m, "fromStart"), instant(m, "fromEnd"), SlotId.of(string(m, "toSlot")), instant(m, "toStart"),
                instant(m, "toEnd"), string(m, "key"));
    }

    private static Optional<BookingOrigin> origin(Map<String, AttributeValue> item) {
        Optional<String> network = optionalString(item, "originNetwork");
        Optional<String> wideNetwork = optionalString(item, "originWideNetwork");
        Optional<String> device = optionalString(item, "originDevice");
        return network.isEmpty() && device.isEmpty() ? Optional.empty() : Optional.of(new BookingOrigin(network, wideNetwork, device));
    }
}
