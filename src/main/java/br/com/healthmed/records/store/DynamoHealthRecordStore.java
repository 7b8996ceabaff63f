package br.com.healthmed.records.store;

import static br.com.healthmed.platform.storage.Attributes.TTL;
import static br.com.healthmed.platform.storage.Attributes.epochSeconds;
import static br.com.healthmed.platform.storage.Attributes.instant;
import static br.com.healthmed.platform.storage.Attributes.optionalInstant;
import static br.com.healthmed.platform.storage.Attributes.optionalString;
import static br.com.healthmed.platform.storage.Attributes.s;
import static br.com.healthmed.platform.storage.Attributes.string;
import static br.com.healthmed.records.store.DynamoQueries.n;
import static br.com.healthmed.records.store.DynamoQueries.number;
import static br.com.healthmed.records.store.DynamoQueries.stringSet;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.storage.DynamoTable;
import br.com.healthmed.platform.storage.Keys;
import br.com.healthmed.records.DocumentKind;
import br.com.healthmed.records.FileCategory;
import br.com.healthmed.records.IssuedBy;
import br.com.healthmed.records.RecordNotice;
import br.com.healthmed.scheduling.AppointmentId;
import br.com.healthmed.records.FileId;
import br.com.healthmed.records.GroupId;
import br.com.healthmed.records.HealthRecordStore;
import br.com.healthmed.records.ObjectKey;
import br.com.healthmed.records.Page;
import br.com.healthmed.platform.storage.TimePositions;
import br.com.healthmed.records.RecordFile;
import br.com.healthmed.records.RecordGroup;
import br.com.healthmed.records.RecordUsage;
import br.com.healthmed.records.ScanStatus;
import br.com.healthmed.records.UploadHold;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * File metadata, groups and usage in DynamoDB. A file is {@code FILE#<id>} / {@code FILE}, read by id
 * (consistently) whoever asks; once available it also carries {@code GSI1PK = RECORD#<patient>#FILES}
 * and {@code GSI1SK = <available at>#<id>}, which lists the patient's files newest first. A pending
 * upload is listed nowhere for the patient; it carries {@code GSI2PK = UPLOADS#PENDING#<first hex digit
 * of its id>} and {@code GSI2SK = <expires at>#<id>} so that the sweep finds it once expired, and a
 * {@code ttl} that lets DynamoDB remove it a day later anyway. A completed file keeps those GSI2 keys until its
 * hold is settled, so that the sweep finds a completion cut between the two. A deleted file is a tombstone
 * ({@code deletedAt}; its {@code availableAt} moved to {@code deletedFileAvailableAt}, so that the previous
 * release, which knows no tombstones, never reads it as available) listed nowhere for the patient, on {@code GSI2PK = FILES#DELETED#<hex digit>} by when
 * the sweep finishes it; the usage item marks its bytes released with {@code released#<file id>}, kept a day
 * after the tombstone goes ({@code {until}}, dropped lazily by later forgets), so retries, the sweep and stale
 * copies of the tombstone give them back once. A final malware-scan verdict is kept in
 * {@code scanVerdict}. Groups and the usage counter live in the patient's {@code RECORD#<patient>}
 * partition.
 */
class DynamoHealthRecordStore implements HealthRecordStore {

    /** How long after its expiry DynamoDB may delete a never-completed upload intent. */
    private static final Duration PENDING_CLEAN_UP = Duration.ofDays(1);

    /**
     * Pending uploads are indexed on GSI2 over 16 partitions (by the first hex digit of the file id), so
     * a burst of uploads does not make one hot key; the sweep reads each.
     */
    private static final int PENDING_SHARDS = 16;

    /**
     * The usage item ({@code RECORD#<patient>} / {@code USAGE}): {@code bytes} is what the quota is
     * checked against (available files plus every hold; the name predates holds, so items written
     * before them read right), {@code pendingUploads} counts the holds, and each hold is an attribute
     * {@code hold#<file id>} = {bytes, expiresAt}. One item, so reserving is one conditional update.
     */
    private static final String CLAIMED = "bytes";
    private static final String PENDING = "pendingUploads";
    private static final String HOLD = "hold#";
    private static final String RELEASED = "released#";
    /** In a forgotten deletion's marker: until when it is kept ({@link HealthRecordStore#RELEASE_REMEMBERED}). */
    private static final String UNTIL = "until";
    /** Stale markers dropped by one forget at most (one update; the next forget drops more). */
    private static final int MAX_PRUNED = 50;
    private static final Logger log = LoggerFactory.getLogger(DynamoHealthRecordStore.class);

    private final DynamoTable table;

    DynamoHealthRecordStore(DynamoTable table) {
        this.table = table;
    }

    @Override
    public boolean createFile(RecordFile file) {
        Map<String, AttributeValue> item = new HashMap<>(RecordKeys.recordFile(file.id().toString()));
        item.put("type", s("RECORD_FILE"));
        item.put("owner", s(file.owner().toString()));
        item.put("fileName", s(file.fileName()));
        item.put("contentType", s(file.contentType()));
        item.put("sizeBytes", n(file.sizeBytes()));
        item.put("category", s(file.category().name()));
        item.put("objectKey", s(file.objectKey().value()));
        if (!file.groups().isEmpty()) {
            item.put("groups", AttributeValue.fromSs(file.groups().stream().map(GroupId::toString).toList()));
        }
        file.issued().ifPresent(by -> {
            item.put("issuedBy", s(by.doctor().toString()));
            item.put("issuedFor", s(by.appointment().toString()));
            item.put("documentKind", s(by.kind().name()));
        });
        item.put("requestedAt", instant(file.requestedAt()));
        item.put("uploadExpiresAt", instant(file.uploadExpiresAt()));
        item.put(TTL, epochSeconds(file.uploadExpiresAt().plus(PENDING_CLEAN_UP)));
        item.put(Keys.GSI2PK, s(RecordKeys.pendingUploads(shard(file.id()))));
        item.put(Keys.GSI2SK, s(TimePositions.of(file.uploadExpiresAt(), file.id().value())));
        return table.putIfAbsent(item);
    }

    @Override
    public Optional<RecordFile> file(FileId id) {
        return table.item(RecordKeys.recordFile(id.toString())).filter(item -> !item.containsKey(DELETED_AT))
                .map(DynamoHealthRecordStore::toFile);
    }

    private static final String DELETED_AT = "deletedAt";
    /** A tombstone's {@code availableAt}, under a name the previous release does not read. */
    private static final String TOMBSTONE_AVAILABLE_AT = "deletedFileAvailableAt";

    @Override
    public boolean markAvailable(RecordFile pending, Instant at, Optional<RecordNotice> notice) {
        FileId id = pending.id();
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":at", instant(at),
                ":listPk", s(RecordKeys.recordFiles(pending.owner().toString())),
                ":listSk", s(TimePositions.of(at, id.value()))));
        StringBuilder update = new StringBuilder("SET availableAt = :at, GSI1PK = :listPk, GSI1SK = :listSk");
        if (notice.isPresent()) {
            // The document's notice rides on the completing write itself; its GSI2 keys replace the pending upload's.
            Map<String, AttributeValue> attributes = new HashMap<>();
            NoticeAttributes.put(attributes, notice.get());
            attributes.forEach((name, value) -> {
                update.append(", ").append(name).append(" = :").append(name);
                values.put(":" + name, value);
            });
            update.append(" REMOVE #ttl");
        } else {
            update.append(" REMOVE #ttl"); // GSI2 keys stay until the hold is settled (settleUpload)
        }
        try {
            table.client().updateItem(b -> b.tableName(table.name()).key(RecordKeys.recordFile(id.toString()))
                    .updateExpression(update.toString())
                    .conditionExpression("attribute_exists(PK) AND attribute_not_exists(availableAt) AND attribute_not_exists(deletedAt)")
                    .expressionAttributeNames(Map.of("#ttl", TTL))
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException notPending) {
            // Completed before — possibly by this very call, retried by the SDK after a lost response.
            return file(id).flatMap(RecordFile::availableAt).filter(at::equals).isPresent();
        }
    }

    @Override
    public void rename(FileId id, String fileName) {
        updateIfExists(id, b -> b.updateExpression("SET fileName = :name")
                .expressionAttributeValues(Map.of(":name", s(fileName))));
    }

    @Override
    public void setInGroup(FileId id, GroupId group, boolean member) {
        // ADD and DELETE on a string set change one element atomically, leaving concurrent changes alone.
        updateIfExists(id, b -> b.updateExpression((member ? "ADD" : "DELETE") + " #groups :group")
                .expressionAttributeNames(Map.of("#groups", "groups"))
                .expressionAttributeValues(Map.of(":group", AttributeValue.fromSs(List.of(group.toString())))));
    }

    @Override
    public boolean markDeleted(FileId id, Instant at, Instant sweepAt) {
        try {
            table.client().updateItem(b -> b.tableName(table.name()).key(RecordKeys.recordFile(id.toString()))
                    // availableAt moves to another name: the previous release (a rollback, a rolling deploy) knows
                    // nothing of deletedAt and would read a tombstone with availableAt as an available file.
                    .updateExpression("SET deletedAt = :at, " + TOMBSTONE_AVAILABLE_AT + " = availableAt,"
                            + " GSI2PK = :gonePk, GSI2SK = :due REMOVE availableAt, GSI1PK, GSI1SK")
                    .conditionExpression("attribute_exists(availableAt) AND attribute_not_exists(deletedAt)")
                    .expressionAttributeValues(Map.of(":at", instant(at), ":gonePk", s(RecordKeys.deletedFiles(shard(id))),
                            ":due", s(TimePositions.of(sweepAt, id.value())))));
            return true;
        } catch (ConditionalCheckFailedException notAvailable) {
            return false;
        }
    }

    @Override
    public Optional<RecordFile> deletedFile(FileId id) {
        return table.item(RecordKeys.recordFile(id.toString())).filter(item -> item.containsKey(DELETED_AT))
                .map(DynamoHealthRecordStore::toFile);
    }

    @Override
    public List<RecordFile> deletionsDue(Instant now, int limit) {
        return dueOnGsi2(RecordKeys::deletedFiles, now, limit);
    }

    @Override
    public void releaseDeletedBytes(RecordFile deleted) {
        settleUpload(deleted.owner(), deleted.id());
        Map<String, String> names = Map.of("#released", RELEASED + deleted.id(), "#claimed", CLAIMED);
        try {
            table.client().updateItem(b -> b.tableName(table.name()).key(RecordKeys.recordUsage(deleted.owner().toString()))
                    .updateExpression("SET #released = :at ADD #claimed :bytes")
                    .conditionExpression("attribute_not_exists(#released) AND #claimed >= :size")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(Map.of(":at", instant(deleted.availableAt().orElseThrow()),
                            ":bytes", n(-deleted.sizeBytes()), ":size", n(deleted.sizeBytes()))));
        } catch (ConditionalCheckFailedException releasedBeforeOrTooFew) {
            releaseClampedToZero(deleted, names);
        }
    }

    /**
     * The release when fewer bytes are counted than the file has (counts already wrong, or the item absent):
     * zero, never below it — a negative count would let the patient past the quota. Nothing if released before.
     */
    private void releaseClampedToZero(RecordFile deleted, Map<String, String> names) {
        try {
            table.client().updateItem(b -> b.tableName(table.name()).key(RecordKeys.recordUsage(deleted.owner().toString()))
                    .updateExpression("SET #released = :at, #claimed = :zero")
                    .conditionExpression("attribute_not_exists(#released) AND (attribute_not_exists(#claimed) OR #claimed < :size)")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(Map.of(":at", instant(deleted.availableAt().orElseThrow()),
                            ":zero", n(0), ":size", n(deleted.sizeBytes()))));
            log.warn("Usage of a patient counted fewer bytes than deleted file {} had; set to zero", deleted.id());
        } catch (ConditionalCheckFailedException releasedBefore) {
            // a retry, the sweep, or a stale copy of the tombstone: given back once
        }
    }

    @Override
    public void forgetDeletion(RecordFile deleted, Instant now) {
        try {
            table.client().deleteItem(b -> b.tableName(table.name()).key(RecordKeys.recordFile(deleted.id().toString()))
                    .conditionExpression("attribute_exists(deletedAt)"));
        } catch (ConditionalCheckFailedException forgottenBefore) {
            // another sweep got there first
        }
        // The marker stays, as {until}, for whoever still holds a copy of the tombstone (a sweep on another
        // instance, a retry racing this one); markers of earlier forgets past their time go now.
        Map<String, AttributeValue> usage = table.client().updateItem(b -> b.tableName(table.name())
                .key(RecordKeys.recordUsage(deleted.owner().toString()))
                .updateExpression("SET #released = :kept")
                .expressionAttributeNames(Map.of("#released", RELEASED + deleted.id()))
                .expressionAttributeValues(Map.of(":kept", AttributeValue.fromM(Map.of(UNTIL, instant(now.plus(RELEASE_REMEMBERED))))))
                .returnValues(ReturnValue.ALL_NEW)).attributes();
        List<String> stale = usage.entrySet().stream()
                .filter(attribute -> attribute.getKey().startsWith(RELEASED) && attribute.getValue().hasM()
                        && attribute.getValue().m().containsKey(UNTIL) && instant(attribute.getValue().m(), UNTIL).isBefore(now))
                .map(Map.Entry::getKey).limit(MAX_PRUNED).toList();
        if (!stale.isEmpty()) {
            Map<String, String> names = new HashMap<>();
            for (int i = 0; i < stale.size(); i++) {
                names.put("#m" + i, stale.get(i));
            }
            table.client().updateItem(b -> b.tableName(table.name()).key(RecordKeys.recordUsage(deleted.owner().toString()))
                    .updateExpression("REMOVE " + String.join(", ", names.keySet())).expressionAttributeNames(names));
        }
    }

    @Override
    public void keepScanVerdict(FileId id, ScanStatus verdict) {
        updateIfExists(id, b -> b.updateExpression("SET scanVerdict = :verdict")
                .expressionAttributeValues(Map.of(":verdict", s(verdict.name()))));
    }

    @Override
    public List<RecordFile> expiredUploads(Instant now, int limit) {
        return dueOnGsi2(RecordKeys::pendingUploads, now, limit);
    }

    /** The items of the sharded GSI2 partitions whose position is at or before {@code now}. */
    private List<RecordFile> dueOnGsi2(java.util.function.Function<String, String> partitionOfShard, Instant now, int limit) {
        List<RecordFile> due = new ArrayList<>();
        // Due means at <= now: every position at now (whatever its id) sorts before now + 1 ns.
        String before = TimePositions.instant(now.plusNanos(1));
        for (int shard = 0; shard < PENDING_SHARDS && due.size() < limit; shard++) {
            String partition = partitionOfShard.apply(Integer.toHexString(shard));
            int wanted = limit - due.size();
            DynamoQueries.items(table, b -> b.indexName(Keys.GSI2)
                            .keyConditionExpression("GSI2PK = :pk AND GSI2SK < :now")
                            .expressionAttributeValues(Map.of(":pk", s(partition), ":now", s(before)))
                            .limit(wanted), wanted)
                    .stream().map(DynamoHealthRecordStore::toFile).forEach(due::add);
        }
        return due;
    }

    @Override
    public boolean deleteIfPending(FileId id) {
        try {
            table.client().deleteItem(b -> b.tableName(table.name()).key(RecordKeys.recordFile(id.toString()))
                    .conditionExpression("attribute_exists(PK) AND attribute_not_exists(availableAt) AND attribute_not_exists(deletedAt)"));
            return true;
        } catch (ConditionalCheckFailedException completedOrGone) {
            return false;
        }
    }

    @Override
    public Page<RecordFile> availableFiles(AccountId owner, FileFilter filter, int limit, Optional<String> after) {
        List<RecordFile> found = DynamoQueries.items(table, listing(owner, filter, after, limit + 1), limit + 1).stream()
                .map(DynamoHealthRecordStore::toFile).toList();
        List<RecordFile> page = found.subList(0, Math.min(limit, found.size()));
        return new Page<>(page, found.size() > limit ? Optional.of(position(page.get(page.size() - 1))) : Optional.empty());
    }

    @Override
    public List<RecordFile> allAvailableFiles(AccountId owner, FileFilter filter) {
        return DynamoQueries.all(table, listing(owner, filter, Optional.empty(), 500)).stream()
                .map(DynamoHealthRecordStore::toFile).toList();
    }

    @Override
    public boolean createGroup(RecordGroup group) {
        Map<String, AttributeValue> item = new HashMap<>(RecordKeys.recordGroup(group.owner().toString(), group.id().toString()));
        item.put("type", s("RECORD_GROUP"));
        item.put("name", s(group.name()));
        item.put("createdAt", instant(group.createdAt()));
        return table.putIfAbsent(item);
    }

    @Override
    public Optional<RecordGroup> group(AccountId owner, GroupId id) {
        return table.item(RecordKeys.recordGroup(owner.toString(), id.toString())).filter(item -> !item.containsKey(DELETED_AT))
                .map(item -> toGroup(owner, item));
    }

    @Override
    public List<RecordGroup> groups(AccountId owner) {
        return DynamoQueries.all(table, b -> b.consistentRead(true)
                        .keyConditionExpression("PK = :pk AND begins_with(SK, :groups)")
                        .expressionAttributeValues(Map.of(":pk", s(RecordKeys.record(owner.toString())), ":groups", s("GROUP#"))))
                .stream().filter(item -> !item.containsKey(DELETED_AT)).map(item -> toGroup(owner, item))
                .sorted(Comparator.comparing(RecordGroup::name, String.CASE_INSENSITIVE_ORDER).thenComparing(g -> g.id().value()))
                .toList();
    }

    @Override
    public void updateGroup(RecordGroup group) {
        try {
            table.client().updateItem(b -> b.tableName(table.name())
                    .key(RecordKeys.recordGroup(group.owner().toString(), group.id().toString()))
                    .updateExpression("SET #name = :name")
                    .conditionExpression("attribute_exists(PK) AND attribute_not_exists(deletedAt)")
                    .expressionAttributeNames(Map.of("#name", "name"))
                    .expressionAttributeValues(Map.of(":name", s(group.name()))));
        } catch (ConditionalCheckFailedException deleted) {
            // deleted meanwhile: nothing to rename
        }
    }

    @Override
    public void deleteGroup(AccountId owner, GroupId id, Instant at, Instant forgetAfter) {
        try {
            // The tombstone replaces the group: DynamoDB's TTL removes it after forgetAfter.
            table.client().updateItem(b -> b.tableName(table.name()).key(RecordKeys.recordGroup(owner.toString(), id.toString()))
                    // name stays: the previous release (a rollback) reads every GROUP# item as a group and needs it
                    .updateExpression("SET deletedAt = :at, #ttl = :ttl")
                    .conditionExpression("attribute_exists(PK) AND attribute_not_exists(deletedAt)")
                    .expressionAttributeNames(Map.of("#ttl", TTL))
                    .expressionAttributeValues(Map.of(":at", instant(at), ":ttl", epochSeconds(forgetAfter))));
        } catch (ConditionalCheckFailedException goneOrDeleted) {
            // nothing to delete
        }
    }

    @Override
    public Optional<Instant> groupDeletedAt(AccountId owner, GroupId id) {
        return table.item(RecordKeys.recordGroup(owner.toString(), id.toString())).filter(item -> item.containsKey(DELETED_AT))
                .map(item -> instant(item, DELETED_AT));
    }

    @Override
    public RecordUsage usage(AccountId owner) {
        Map<String, AttributeValue> item = table.item(RecordKeys.recordUsage(owner.toString())).orElse(Map.of());
        List<UploadHold> holds = new ArrayList<>();
        item.forEach((name, value) -> {
            if (name.startsWith(HOLD)) {
                holds.add(new UploadHold(FileId.of(name.substring(HOLD.length())), number(value.m(), "bytes"),
                        instant(value.m(), "expiresAt")));
            }
        });
        long held = holds.stream().mapToLong(UploadHold::bytes).sum();
        return new RecordUsage(Math.max(0, number(item, CLAIMED) - held), holds);
    }

    @Override
    public Reservation reserveUpload(AccountId owner, UploadHold hold, long quota, int maxPending) {
        String holdName = HOLD + hold.file();
        try {
            table.client().updateItem(b -> b.tableName(table.name()).key(RecordKeys.recordUsage(owner.toString()))
                    .updateExpression("SET #hold = :hold ADD #claimed :bytes, #pending :one")
                    .conditionExpression("attribute_not_exists(#hold) AND attribute_not_exists(#released)"
                            + " AND (attribute_not_exists(#pending) OR #pending < :maxPending)"
                            + " AND ((attribute_not_exists(#claimed) AND :bytes <= :quota) OR #claimed <= :room)")
                    .expressionAttributeNames(Map.of("#hold", holdName, "#released", RELEASED + hold.file(),
                            "#claimed", CLAIMED, "#pending", PENDING))
                    .expressionAttributeValues(Map.of(
                            ":hold", AttributeValue.fromM(Map.of("bytes", n(hold.bytes()), "expiresAt", instant(hold.expiresAt()))),
                            ":bytes", n(hold.bytes()), ":one", n(1), ":maxPending", n(maxPending),
                            ":quota", n(quota), ":room", n(quota - hold.bytes()))));
            return Reservation.RESERVED;
        } catch (ConditionalCheckFailedException refused) {
            // Which part of the condition failed: read the item as it is now.
            Map<String, AttributeValue> item = table.item(RecordKeys.recordUsage(owner.toString())).orElse(Map.of());
            if (item.containsKey(holdName)) {
                return Reservation.RESERVED; // this very hold, written by an attempt whose response was lost
            }
            if (item.containsKey(RELEASED + hold.file())) {
                return Reservation.SPENT;
            }
            return number(item, PENDING) >= maxPending ? Reservation.TOO_MANY_PENDING : Reservation.QUOTA_EXCEEDED;
        }
    }

    @Override
    public void settleUpload(AccountId owner, FileId file) {
        removeHold(owner, file, 0);
        try {
            // Off the sweep's list: only a completed file on the pending-upload partition (an issued
            // document's GSI2 keys are its notice's, and stay).
            table.client().updateItem(b -> b.tableName(table.name()).key(RecordKeys.recordFile(file.toString()))
                    .updateExpression("REMOVE GSI2PK, GSI2SK")
                    .conditionExpression("attribute_exists(availableAt) AND GSI2PK = :pending")
                    .expressionAttributeValues(Map.of(":pending", s(RecordKeys.pendingUploads(shard(file))))));
        } catch (ConditionalCheckFailedException settledBefore) {
            // not listed (settled before, deleted, or never completed)
        }
    }

    @Override
    public void releaseUpload(AccountId owner, FileId file, long bytes) {
        removeHold(owner, file, bytes);
    }

    /** Removes the hold, giving {@code released} bytes back; only if the hold is still there (once). */
    private void removeHold(AccountId owner, FileId file, long released) {
        try {
            table.client().updateItem(b -> b.tableName(table.name()).key(RecordKeys.recordUsage(owner.toString()))
                    .updateExpression("REMOVE #hold ADD #claimed :released, #pending :minusOne")
                    .conditionExpression("attribute_exists(#hold)")
                    .expressionAttributeNames(Map.of("#hold", HOLD + file, "#claimed", CLAIMED, "#pending", PENDING))
                    .expressionAttributeValues(Map.of(":released", n(-released), ":minusOne", n(-1))));
        } catch (ConditionalCheckFailedException gone) {
            // settled or released before: nothing to do
        }
    }


    private Consumer<QueryRequest.Builder> listing(AccountId owner, FileFilter filter, Optional<String> after, int pageSize) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", s(RecordKeys.recordFiles(owner.toString())));
        String keyCondition = "GSI1PK = :pk";
        if (after.isPresent()) {
            keyCondition += " AND GSI1SK < :after";
            values.put(":after", s(after.get()));
        }
        List<String> filters = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        filter.category().ifPresent(category -> {
            filters.add("#category = :category");
            names.put("#category", "category");
            values.put(":category", s(category.name()));
        });
        filter.group().ifPresent(group -> {
            filters.add("contains(#groups, :group)");
            names.put("#groups", "groups");
            values.put(":group", s(group.toString()));
        });
        filter.issued().ifPresent(issued -> {
            filters.add(issued ? "attribute_exists(#issuedBy)" : "attribute_not_exists(#issuedBy)");
            names.put("#issuedBy", "issuedBy");
        });
        filter.appointment().ifPresent(appointment -> {
            filters.add("#issuedFor = :appointment");
            names.put("#issuedFor", "issuedFor");
            values.put(":appointment", s(appointment.toString()));
        });
        String condition = keyCondition;
        return b -> {
            b.indexName(Keys.GSI1).keyConditionExpression(condition).scanIndexForward(false).limit(pageSize)
                    .expressionAttributeValues(values);
            if (!filters.isEmpty()) {
                b.filterExpression(String.join(" AND ", filters)).expressionAttributeNames(names);
            }
        };
    }

    private void updateIfExists(FileId id, Consumer<software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest.Builder> update) {
        try {
            table.client().updateItem(b -> {
                b.tableName(table.name()).key(RecordKeys.recordFile(id.toString())).conditionExpression("attribute_exists(PK)");
                update.accept(b);
            });
        } catch (ConditionalCheckFailedException deleted) {
            // deleted meanwhile: nothing to change
        }
    }

    private static String shard(FileId id) {
        return id.toString().substring(0, 1);
    }

    private static String position(RecordFile file) {
        return TimePositions.of(file.availableAt().orElseThrow(), file.id().value());
    }

    private static RecordFile toFile(Map<String, AttributeValue> item) {
        return new RecordFile(
                FileId.of(RecordKeys.fileIdOf(string(item, Keys.PK))),
                AccountId.of(string(item, "owner")),
                string(item, "fileName"),
                string(item, "contentType"),
                number(item, "sizeBytes"),
                FileCategory.valueOf(string(item, "category")),
                new ObjectKey(string(item, "objectKey")),
                stringSet(item, "groups").stream().map(GroupId::of).collect(Collectors.toSet()),
                instant(item, "requestedAt"),
                instant(item, "uploadExpiresAt"),
                optionalInstant(item, "availableAt").or(() -> optionalInstant(item, TOMBSTONE_AVAILABLE_AT)),
                optionalString(item, "scanVerdict").map(ScanStatus::valueOf).orElse(ScanStatus.PENDING_SCAN),
                optionalString(item, "issuedBy").map(doctor -> new IssuedBy(AccountId.of(doctor),
                        AppointmentId.of(string(item, "issuedFor")), DocumentKind.valueOf(string(item, "documentKind")))));
    }

    private static RecordGroup toGroup(AccountId owner, Map<String, AttributeValue> item) {
        return new RecordGroup(GroupId.of(RecordKeys.groupIdOf(string(item, Keys.SK))), owner,
                string(item, "name"), instant(item, "createdAt"));
    }
}
