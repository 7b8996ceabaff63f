package br.com.healthmed.directory.store;

import static br.com.healthmed.platform.storage.Attributes.s;

import br.com.healthmed.directory.CellReader;
import br.com.healthmed.directory.DirectoryEntry;
import br.com.healthmed.directory.DirectoryStore;
import br.com.healthmed.directory.DoctorProfile;
import br.com.healthmed.directory.GeoCircle;
import br.com.healthmed.directory.GeoPoint;
import br.com.healthmed.directory.Geohash;
import br.com.healthmed.directory.Listing;
import br.com.healthmed.directory.ListingFilter;
import br.com.healthmed.directory.NearestFirst;
import br.com.healthmed.directory.Rating;
import br.com.healthmed.directory.SearchArea;
import br.com.healthmed.directory.SearchHit;
import br.com.healthmed.directory.SearchQuery;
import br.com.healthmed.directory.SearchSort;
import br.com.healthmed.directory.TopHits;
import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.storage.BatchReads;
import br.com.healthmed.platform.storage.DynamoTable;
import br.com.healthmed.platform.storage.StorageDeadline;
import br.com.healthmed.platform.storage.Keys;
import br.com.healthmed.platform.storage.TimePositions;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The directory in DynamoDB. Per doctor, one profile item ({@code DIRECTORY#<id>} / {@code PROFILE})
 * holds the profile and the rating totals, the source of truth; one listing item per specialty (and
 * {@code *}) ({@code DIRECTORY#<id>} / {@code LISTING#<code>}) carries what the search needs (office
 * position, price, a copy of the totals) and is in GSI1 under {@code DOCGEO#<code>#<geohash-4>} /
 * {@code <geohash-9>#<id>}. A search queries, in parallel, the GSI1 ranges of {@link SearchArea}
 * and keeps the offices within the exact distance.
 *
 * <p>Ratings: {@code ADD} on the profile item is the atomic step (no rating is ever lost); its new
 * totals are then copied to the listings with a condition that only a larger count may overwrite a
 * smaller one, so concurrent copies converge on the latest totals. A save re-copies the totals after
 * writing the listings, so a rating added during a save reaches new listings too. A process that dies
 * between the two steps leaves a listing one rating behind until the next rating or save.
 *
 * <p>Saves: the profile write is the commit point and gives the profile its next version
 * ({@code profileVersion}, an atomic {@code ADD}). The listings are then written with that version, each
 * on the condition that no newer version wrote it, and every specialty the doctor was ever listed under
 * ({@code everListed}) but is not now becomes a tombstone of that version rather than being deleted. So
 * two saves racing each other, whatever order their listing writes land in, leave the listings of the
 * profile stored last: a stale write finds a newer version (or its tombstone) and changes nothing. The
 * profile write also puts the profile on GSI2 ({@code DIRECTORY#PENDING#<hex digit>} / {@code <begun at>#<id>})
 * until its listings are written: a save or withdrawal cut in between is finished by {@link #healListings}
 * (the directory sweep), or by the doctor's next save, which rewrites every listing the doctor ever had.
 */
class DynamoDirectoryStore implements DirectoryStore, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DynamoDirectoryStore.class);
    private static final String PROFILE_MARKER = "timeZone";
    /** On the profile item, bumped by every write that changes what is listed; on a listing, the version it shows. */
    private static final String VERSION = "profileVersion";
    /** On the profile item: every specialty the doctor was ever listed under (a string set; only grows). */
    private static final String EVER_LISTED = "everListed";

    /** Items one cell read returns at most before the cell is read on as its finer cells. */
    static final int SPLIT_ABOVE = 50;
    /** Pending profiles one sweep reads per shard. */
    private static final int HEAL_BATCH = 100;
    /** Cell queries a DISTANCE page sends at once. */
    static final int PARALLEL_CELL_READS = 8;
    /** How often a save retries between its two profile writes when withdrawals and reactivations keep crossing it. */
    private static final int SAVE_ATTEMPTS = 5;

    private final DynamoTable table;
    /** The time of a pending mark, on the same clock as the sweep's grace ({@code DirectorySweep}). */
    private final Clock clock;
    private final int splitAbove;
    private final ExecutorService queries;
    private final LongAdder itemsRead = new LongAdder();
    private final LongAdder queriesRun = new LongAdder();

    DynamoDirectoryStore(DynamoTable table, int parallelQueries, Clock clock) {
        this(table, parallelQueries, SPLIT_ABOVE, clock);
    }

    /** With another split threshold: tests use a small one so that searches split cells often. */
    DynamoDirectoryStore(DynamoTable table, int parallelQueries, int splitAbove, Clock clock) {
        this.table = table;
        this.clock = clock;
        this.splitAbove = splitAbove;
        AtomicInteger threads = new AtomicInteger();
        // the cell queries are the search request's own calls: they run within its storage deadline
        this.queries = StorageDeadline.propagating(Executors.newFixedThreadPool(parallelQueries, runnable -> {
            Thread thread = new Thread(runnable, "directory-query-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }));
    }

    @Override
    public Optional<DirectoryEntry> find(AccountId doctorId) {
        return table.item(DirectoryKeys.doctorProfile(doctorId.toString())).map(DynamoDirectoryStore::toEntry);
    }

    @Override
    public Map<AccountId, DirectoryEntry> findAll(Collection<AccountId> doctorIds) {
        Map<AccountId, DirectoryEntry> found = new HashMap<>();
        BatchReads.items(table, doctorIds.stream().map(id -> DirectoryKeys.doctorProfile(id.toString())).toList()).forEach(item -> {
            DirectoryEntry entry = toEntry(item);
            found.put(entry.doctorId(), entry);
        });
        return found;
    }

    /** Marks a doctor taken out of the index ({@link #setListed}). */
    private static final String WITHDRAWN = "withdrawn";

    @Override
    public void save(DoctorProfile profile) {
        String id = profile.doctorId().toString();
        for (int attempt = 1; ; attempt++) {
            List<String> listed = profile.listedUnder();
            Map<String, AttributeValue> old;
            try {
                old = writeProfile(id, profileUpdate(profile, listed), "attribute_not_exists(" + WITHDRAWN + ")");
            } catch (ConditionalCheckFailedException outOfTheIndex) {
                // Withdrawn (setListed false): the profile is saved, and listed nowhere; unless a reactivation
                // came in between, whose listings this write must not take down: then the first write again.
                listed = List.of();
                try {
                    old = writeProfile(id, profileUpdate(profile, listed), "attribute_exists(" + WITHDRAWN + ")");
                } catch (ConditionalCheckFailedException reactivated) {
                    if (attempt == SAVE_ATTEMPTS) {
                        throw new IllegalStateException("The profile of " + id + " is withdrawn and reactivated faster than it can be saved");
                    }
                    continue;
                }
            }
            writeListings(id, profile, listed, everListed(old), versionAfter(old), rating(old));
            return;
        }
    }

    /**
     * The listings of profile {@code version}: written under {@code listed}, tombstones under the rest of
     * {@code everListed}; then the totals copied again (a rating added since {@code before} was read may have
     * found no listing to copy to), and the profile's pending mark cleared if no newer version came since.
     */
    private void writeListings(String id, DoctorProfile profile, List<String> listed, Set<String> everListed, long version,
                               Rating before) {
        for (String specialty : listed) {
            writeListing(profile, specialty, before, version);
        }
        Set<String> unlisted = new LinkedHashSet<>(everListed);
        listed.forEach(unlisted::remove);
        unlist(id, unlisted, version);
        find(profile.doctorId()).ifPresent(entry -> copyRating(id, listed, entry.rating()));
        listingsWritten(id, version);
    }

    /**
     * The pending mark of a profile version, on GSI2 ({@link Keys#pendingListings}): set by every profile write
     * that changes what is listed (a save, a withdrawal, a reactivation), cleared once its listings are written.
     */
    private Map<String, AttributeValue> pendingMark(String id) {
        return Map.of(Keys.GSI2PK, s(DirectoryKeys.pendingListings(Keys.hexShard(id))),
                Keys.GSI2SK, s(TimePositions.of(clock.instant(), UUID.fromString(id))));
    }

    /** A profile version's write: the next version and its pending mark. */
    private void nextVersion(Update update, String id) {
        update.add(VERSION, AttributeValue.fromN("1"));
        pendingMark(id).forEach(update::set);
    }

    private void listingsWritten(String id, long version) {
        try {
            table.client().updateItem(b -> b.tableName(table.name())
                    .key(DirectoryKeys.doctorProfile(id))
                    .updateExpression("REMOVE " + Keys.GSI2PK + ", " + Keys.GSI2SK)
                    .conditionExpression("#version = :version")
                    .expressionAttributeNames(Map.of("#version", VERSION))
                    .expressionAttributeValues(Map.of(":version", AttributeValue.fromN(Long.toString(version)))));
        } catch (ConditionalCheckFailedException newerVersion) {
            // a newer save or withdrawal is under way: its mark stays until it has written its listings
        }
    }

    /**
     * Saves and withdrawals cut between their profile write (the commit point) and the end of their listing
     * writes, begun before {@code begunBefore}: each doctor's listings are written again from the profile as
     * stored now, at its version, so a sweep racing a save, another sweep or a retry writes nothing a newer
     * version would not. Idempotent.
     */
    @Override
    public int healListings(Instant begunBefore) {
        int healed = 0;
        for (int shard = 0; shard < Keys.HEX_SHARDS; shard++) {
            String partition = DirectoryKeys.pendingListings(Keys.hexShard(shard));
            List<Map<String, AttributeValue>> pending = table.client().query(b -> b.tableName(table.name()).indexName(Keys.GSI2)
                    .keyConditionExpression(Keys.GSI2PK + " = :pk AND " + Keys.GSI2SK + " < :before")
                    .expressionAttributeValues(Map.of(":pk", s(partition), ":before", s(TimePositions.instant(begunBefore))))
                    .limit(HEAL_BATCH)).items();
            for (Map<String, AttributeValue> indexed : pending) {
                String id = DirectoryKeys.doctorIdOf(indexed.get(Keys.PK).s());
                try {
                    if (heal(id)) {
                        healed++;
                    }
                } catch (RuntimeException failed) {
                    // one doctor's failure must not leave the rest of this shard and the shards after it pending
                    log.warn("Could not finish the listings of doctor {}; the next sweep tries again", id, failed);
                }
            }
        }
        return healed;
    }

    /** One pending doctor's listings, from the profile as stored now; false if nothing was left to do. */
    private boolean heal(String id) {
        // the index may lag: act on the profile as it is now
        Optional<Map<String, AttributeValue>> item = table.item(DirectoryKeys.doctorProfile(id));
        if (item.isEmpty() || !item.get().containsKey(Keys.GSI2PK) || !item.get().containsKey(VERSION)) {
            return false;
        }
        Map<String, AttributeValue> now = item.get();
        DirectoryEntry entry = toEntry(now);
        long version = Long.parseLong(now.get(VERSION).n());
        if (entry.profile().isPresent()) {
            // from the profile, not its stored "listed": a reactivation cut before its save left that empty
            List<String> listed = now.containsKey(WITHDRAWN) ? List.of() : entry.profile().get().listedUnder();
            writeListings(id, entry.profile().get(), listed, everListed(now), version, entry.rating());
        } else {
            unlist(id, everListed(now), version);
            listingsWritten(id, version);
        }
        return true;
    }

    /** Writes the profile item; returns it as it was before. {@code condition} may be null. */
    private Map<String, AttributeValue> writeProfile(String id, Update update, @Nullable String condition) {
        return table.client().updateItem(b -> b.tableName(table.name())
                .key(DirectoryKeys.doctorProfile(id))
                .updateExpression(update.expression())
                .conditionExpression(condition)
                .expressionAttributeNames(update.names())
                .expressionAttributeValues(update.values())
                .returnValues(ReturnValue.ALL_OLD)).attributes();
    }

    private Update profileUpdate(DoctorProfile profile, List<String> listed) {
        Update update = new Update();
        update.set("type", s("DOCTOR_PROFILE"));
        update.set("specialties", strings(profile.specialties()));
        update.setOrRemove("price", profile.consultationPrice().map(p -> s(p.toPlainString())));
        update.setOrRemove("bio", profile.bio().map(AttributeValue::fromS));
        update.set("languages", strings(profile.languages()));
        update.setOrRemove("officeAddress", profile.officeAddress().map(AttributeValue::fromS));
        update.setOrRemove("lat", profile.officeLocation().map(p -> s(Double.toString(p.latitude()))));
        update.setOrRemove("lon", profile.officeLocation().map(p -> s(Double.toString(p.longitude()))));
        update.set(PROFILE_MARKER, s(profile.timeZone().getId()));
        update.set("durationMinutes", AttributeValue.fromN(Long.toString(profile.consultationDuration().toMinutes())));
        update.setOrRemove("email", profile.email().map(AttributeValue::fromS));
        update.set("showEmail", AttributeValue.fromBool(profile.showEmail()));
        update.setOrRemove("phone", profile.phone().map(AttributeValue::fromS));
        update.set("showPhone", AttributeValue.fromBool(profile.showPhone()));
        update.set("listed", strings(listed));
        nextVersion(update, profile.doctorId().toString());
        if (!listed.isEmpty()) {
            update.add(EVER_LISTED, AttributeValue.fromSs(listed.stream().distinct().toList()));
        }
        return update;
    }

    /** The version a profile write gave the profile: one more than the one it replaced (ADD is atomic). */
    private static long versionAfter(Map<String, AttributeValue> old) {
        return old == null || !old.containsKey(VERSION) ? 1 : Long.parseLong(old.get(VERSION).n()) + 1;
    }

    /**
     * Every specialty a listing item may exist under, from the profile item as it was before a write: what it
     * listed, and what any save before it listed (which a stale save may still be writing).
     */
    private static Set<String> everListed(Map<String, AttributeValue> old) {
        Set<String> specialties = new LinkedHashSet<>(stringList(old, "listed"));
        if (old != null && old.containsKey(EVER_LISTED)) {
            specialties.addAll(old.get(EVER_LISTED).ss());
        }
        return specialties;
    }

    /**
     * Out of the index: the profile item is marked {@value #WITHDRAWN} with nothing {@code listed} (the
     * commit point, a profile version: saves and ratings from then on list nothing), then every listing the
     * doctor ever had becomes a tombstone of that version. Back: the mark is removed, as a profile version
     * marked pending (so a reactivation cut before the save that follows is finished by the sweep, from the
     * profile), and the stored profile saved again, which lists it.
     */
    @Override
    public void setListed(AccountId doctorId, boolean listed) {
        String id = doctorId.toString();
        if (listed) {
            Update back = new Update();
            back.remove(WITHDRAWN);
            nextVersion(back, id);
            try {
                writeProfile(id, back, "attribute_exists(" + WITHDRAWN + ")");
            } catch (ConditionalCheckFailedException notWithdrawn) {
                // listed already, or no profile yet: the save below (of a stored profile) is all there is to do
            }
            find(doctorId).flatMap(DirectoryEntry::profile).ifPresent(this::save);
            return;
        }
        Update out = new Update();
        out.set(WITHDRAWN, AttributeValue.fromBool(true));
        out.set("listed", strings(List.of()));
        nextVersion(out, id);
        Map<String, AttributeValue> old = writeProfile(id, out, null);
        long version = versionAfter(old);
        unlist(id, everListed(old), version);
        listingsWritten(id, version);
    }

    /**
     * Takes the listings under {@code specialties} off the index as of profile {@code version}: each becomes a
     * tombstone (no GSI1 keys, so no search reads it) carrying that version, unless a newer save owns it. A
     * tombstone rather than a delete, so that a slower save of an older version cannot create the listing again.
     */
    private void unlist(String id, Collection<String> specialties, long version) {
        for (String specialty : specialties) {
            Update update = new Update();
            update.set("type", s("DOCTOR_LISTING_GONE"));
            update.set(VERSION, AttributeValue.fromN(Long.toString(version)));
            update.remove(Keys.GSI1PK);
            update.remove(Keys.GSI1SK);
            update.remove("lat");
            update.remove("lon");
            update.remove("price");
            writeListingItem(id, specialty, update, version);
        }
    }

    /**
     * One listing item, written only if no save of a newer profile version wrote it: whatever order concurrent
     * saves' steps land in, each listing ends as the newest profile version that touched it made it.
     */
    private void writeListingItem(String id, String specialty, Update update, long version) {
        String versionName = update.name(VERSION);
        Map<String, AttributeValue> values = new HashMap<>(update.values());
        values.put(":version", AttributeValue.fromN(Long.toString(version)));
        try {
            table.client().updateItem(b -> b.tableName(table.name())
                    .key(DirectoryKeys.doctorListing(id, specialty))
                    .updateExpression(update.expression())
                    .conditionExpression("attribute_not_exists(" + versionName + ") OR " + versionName + " <= :version")
                    .expressionAttributeNames(update.names())
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException newerSave) {
            // a save of a newer profile version has written this listing: it is that version's to say
        }
    }

    @Override
    public void addRating(AccountId doctorId, int stars) {
        String id = doctorId.toString();
        Map<String, AttributeValue> now = table.client().updateItem(b -> b.tableName(table.name())
                .key(DirectoryKeys.doctorProfile(id))
                .updateExpression("ADD ratingCount :one, ratingSum :stars")
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"),
                        ":stars", AttributeValue.fromN(Integer.toString(stars))))
                .returnValues(ReturnValue.ALL_NEW)).attributes();
        copyRating(id, stringList(now, "listed"), rating(now));
    }

    @Override
    public List<SearchHit> within(GeoCircle circle, String specialty) {
        GeoCircle.Probe probe = circle.probe();
        List<CompletableFuture<List<SearchHit>>> reads = SearchArea.ranges(circle).stream()
                .map(range -> CompletableFuture.supplyAsync(() -> read(range, specialty, probe), queries))
                .toList();
        Map<AccountId, SearchHit> found = new LinkedHashMap<>();
        joinAll(reads).forEach(hits -> hits.forEach(hit -> found.putIfAbsent(hit.listing().doctorId(), hit)));
        return List.copyOf(found.values());
    }

    /**
     * DISTANCE pages read geohash cells nearest first ({@link NearestFirst}), {@value #PARALLEL_CELL_READS}
     * queries at a time, each at most {@value #SPLIT_ABOVE} items; a cell with more is read on as its
     * finer cells (a {@code begins_with} on the geohash sort key, so no new index). RATING and PRICE
     * pages read the whole circle: GSI1 sorts a cell by geohash only, so a cell cannot be read in rank
     * order; that would need an index per sort (see docs/search.md).
     */
    @Override
    public List<SearchHit> first(SearchQuery query) {
        if (query.sort() == SearchSort.DISTANCE) {
            return NearestFirst.search(query, cells -> readCells(cells, query.specialty()), PARALLEL_CELL_READS);
        }
        TopHits top = new TopHits(query.limit(), query.sort().order());
        for (SearchHit hit : within(query.circle(), query.specialty())) {
            if (query.accepts(hit)) {
                top.offer(hit);
            }
        }
        return top.sorted();
    }

    /** Reads the whole circle: DynamoDB cannot count what it does not read (called only when a client asks for totalCount). */
    @Override
    public int count(GeoCircle circle, String specialty, ListingFilter filter) {
        return (int) within(circle, specialty).stream().filter(hit -> filter.accepts(hit.listing())).count();
    }

    private List<CellReader.CellRead> readCells(List<String> cells, String specialty) {
        if (cells.size() == 1) {
            return List.of(readCell(cells.get(0), specialty, false));
        }
        List<CompletableFuture<CellReader.CellRead>> reads = cells.stream()
                .map(cell -> CompletableFuture.supplyAsync(() -> readCell(cell, specialty, false), queries))
                .toList();
        return joinAll(reads);
    }

    /**
     * One cell: a geohash-4 partition, or a prefix of the sort key inside one. All of it when
     * {@code whole} or when it is a stored geohash (which cannot be split), else at most
     * {@code splitAbove} items.
     */
    private CellReader.CellRead readCell(String cell, String specialty, boolean whole) {
        if (cell.length() < Geohash.PARTITION_PRECISION) {
            return CellReader.CellRead.nothingYet(cell);
        }
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", s(DirectoryKeys.doctorGeoPartition(specialty, cell.substring(0, Geohash.PARTITION_PRECISION))));
        String condition = Keys.GSI1PK + " = :pk";
        if (cell.length() > Geohash.PARTITION_PRECISION) {
            values.put(":cell", s(cell));
            condition += " AND begins_with(" + Keys.GSI1SK + ", :cell)";
        }
        String keyCondition = condition;
        boolean all = whole || cell.length() >= Geohash.STORED_PRECISION;
        List<Listing> listings = new ArrayList<>();
        for (QueryResponse page : table.pages(b -> b.indexName(Keys.GSI1)
                .keyConditionExpression(keyCondition)
                .expressionAttributeValues(values)
                .limit(all ? null : splitAbove))) {
            queriesRun.increment();
            itemsRead.add(page.scannedCount());
            page.items().forEach(item -> listings.add(toListing(item)));
            if (!all && DynamoTable.hasMore(page)) {
                String lastSort = page.items().get(page.items().size() - 1).get(Keys.GSI1SK).s();
                return new CellReader.CellRead(cell, listings, Optional.of(lastSort.substring(0, lastSort.indexOf('#'))));
            }
        }
        return CellReader.CellRead.whole(cell, listings);
    }

    private static <T> List<T> joinAll(List<CompletableFuture<T>> reads) {
        try {
            return reads.stream().map(CompletableFuture::join).toList();
        } catch (CompletionException failed) {
            reads.forEach(read -> read.cancel(false));
            throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
        }
    }

    @Override
    public void close() {
        queries.shutdownNow();
    }

    /** Items DynamoDB read for searches so far, and the queries that read them (for the benchmark). */
    long itemsRead() {
        return itemsRead.sum();
    }

    long queriesRun() {
        return queriesRun.sum();
    }

    private List<SearchHit> read(SearchArea.Range range, String specialty, GeoCircle.Probe probe) {
        List<SearchHit> hits = new ArrayList<>();
        for (Listing listing : readCell(range.prefix(), specialty, true).listings()) {
            SearchHit hit = probe.hit(listing);
            if (hit != null) {
                hits.add(hit);
            }
        }
        return hits;
    }

    private void writeListing(DoctorProfile profile, String specialty, Rating before, long version) {
        GeoPoint location = profile.officeLocation().orElseThrow();
        String id = profile.doctorId().toString();
        String hash = Geohash.encode(location, Geohash.STORED_PRECISION);
        Update update = new Update();
        update.set("type", s("DOCTOR_LISTING"));
        update.set(VERSION, AttributeValue.fromN(Long.toString(version)));
        update.set(Keys.GSI1PK, s(DirectoryKeys.doctorGeoPartition(specialty, hash.substring(0, Geohash.PARTITION_PRECISION))));
        update.set(Keys.GSI1SK, s(DirectoryKeys.doctorGeoSort(hash, id)));
        update.set("lat", s(Double.toString(location.latitude())));
        update.set("lon", s(Double.toString(location.longitude())));
        update.setOrRemove("price", profile.consultationPrice().map(p -> s(p.toPlainString())));
        // A listing that exists keeps its totals: addRating keeps them current.
        update.setIfNotExists("ratingCount", AttributeValue.fromN(Long.toString(before.count())));
        update.setIfNotExists("ratingSum", AttributeValue.fromN(Long.toString(before.sum())));
        writeListingItem(id, specialty, update, version);
    }

    /** Copies the totals to each listing that exists and has fewer ratings; concurrent copies converge on the largest count. */
    private void copyRating(String id, List<String> listed, Rating rating) {
        if (rating.count() == 0) {
            return;
        }
        for (String specialty : listed) {
            try {
                table.client().updateItem(b -> b.tableName(table.name())
                        .key(DirectoryKeys.doctorListing(id, specialty))
                        .updateExpression("SET ratingCount = :count, ratingSum = :sum")
                        .conditionExpression("attribute_exists(" + Keys.GSI1PK + ") AND ratingCount < :count")
                        .expressionAttributeValues(Map.of(":count", AttributeValue.fromN(Long.toString(rating.count())),
                                ":sum", AttributeValue.fromN(Long.toString(rating.sum())))));
            } catch (ConditionalCheckFailedException newerOrGone) {
                // a later rating got there first, or the doctor is no longer listed under it (gone or a tombstone)
            }
        }
    }

    private static DirectoryEntry toEntry(Map<String, AttributeValue> item) {
        AccountId id = AccountId.of(DirectoryKeys.doctorIdOf(item.get(Keys.PK).s()));
        Optional<DoctorProfile> profile = Optional.empty();
        if (item.containsKey(PROFILE_MARKER)) {
            Optional<GeoPoint> location = item.containsKey("lat")
                    ? Optional.of(new GeoPoint(Double.parseDouble(item.get("lat").s()), Double.parseDouble(item.get("lon").s())))
                    : Optional.empty();
            profile = Optional.of(new DoctorProfile(id,
                    stringList(item, "specialties"),
                    optional(item, "price").map(BigDecimal::new),
                    optional(item, "bio"),
                    stringList(item, "languages"),
                    optional(item, "officeAddress"),
                    location,
                    java.time.ZoneId.of(item.get(PROFILE_MARKER).s()),
                    Duration.ofMinutes(Long.parseLong(item.get("durationMinutes").n())),
                    optional(item, "email"),
                    Boolean.TRUE.equals(item.get("showEmail").bool()),
                    optional(item, "phone"),
                    Boolean.TRUE.equals(item.get("showPhone").bool())));
        }
        return new DirectoryEntry(id, profile, rating(item));
    }

    private static Listing toListing(Map<String, AttributeValue> item) {
        AccountId id = AccountId.of(DirectoryKeys.doctorIdOf(item.get(Keys.PK).s()));
        return new Listing(id,
                new GeoPoint(Double.parseDouble(item.get("lat").s()), Double.parseDouble(item.get("lon").s())),
                optional(item, "price").map(BigDecimal::new),
                rating(item));
    }

    private static Rating rating(Map<String, AttributeValue> item) {
        if (item == null || !item.containsKey("ratingCount")) {
            return Rating.NONE;
        }
        return new Rating(Long.parseLong(item.get("ratingCount").n()), Long.parseLong(item.get("ratingSum").n()));
    }

    private static Optional<String> optional(Map<String, AttributeValue> item, String name) {
        return Optional.ofNullable(item.get(name)).map(AttributeValue::s);
    }

    private static List<String> stringList(Map<String, AttributeValue> item, String name) {
        if (item == null || !item.containsKey(name)) {
            return List.of();
        }
        return item.get(name).l().stream().map(AttributeValue::s).toList();
    }

    private static AttributeValue strings(List<String> values) {
        return AttributeValue.fromL(values.stream().map(AttributeValue::fromS).toList());
    }

    /**
     * An update expression with every attribute name behind a placeholder: several of ours
     * ({@code languages}, {@code timeZone}'s parts) are DynamoDB reserved words.
     */
    private static final class Update {
        private final List<String> sets = new ArrayList<>();
        private final List<String> removes = new ArrayList<>();
        private final List<String> adds = new ArrayList<>();
        private final Map<String, String> names = new HashMap<>();
        private final Map<String, AttributeValue> values = new HashMap<>();

        void set(String attribute, AttributeValue value) {
            String n = name(attribute);
            String v = ":v" + values.size();
            values.put(v, value);
            sets.add(n + " = " + v);
        }

        void setIfNotExists(String attribute, AttributeValue value) {
            String n = name(attribute);
            String v = ":v" + values.size();
            values.put(v, value);
            sets.add(n + " = if_not_exists(" + n + ", " + v + ")");
        }

        /** {@code ADD}: to a number, or a set's union. */
        void add(String attribute, AttributeValue value) {
            String n = name(attribute);
            String v = ":v" + values.size();
            values.put(v, value);
            adds.add(n + " " + v);
        }

        void remove(String attribute) {
            removes.add(name(attribute));
        }

        void setOrRemove(String attribute, Optional<AttributeValue> value) {
            if (value.isPresent()) {
                set(attribute, value.get());
            } else {
                removes.add(name(attribute));
            }
        }

        /** The placeholder of {@code attribute}, made once. */
        String name(String attribute) {
            for (Map.Entry<String, String> named : names.entrySet()) {
                if (named.getValue().equals(attribute)) {
                    return named.getKey();
                }
            }
            String placeholder = "#n" + names.size();
            names.put(placeholder, attribute);
            return placeholder;
        }

        String expression() {
            return "SET " + String.join(", ", sets) + (removes.isEmpty() ? "" : " REMOVE " + String.join(", ", removes))
                    + (adds.isEmpty() ? "" : " ADD " + String.join(", ", adds));
        }

        Map<String, String> names() {
            return names;
        }

        Map<String, AttributeValue> values() {
            return values;
        }
    }
}
