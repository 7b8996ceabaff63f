package br.com.healthmed.directory.store;

import br.com.healthmed.directory.CellReader;
import br.com.healthmed.directory.DirectoryEntry;
import br.com.healthmed.directory.DirectoryStore;
import br.com.healthmed.directory.DoctorProfile;
import br.com.healthmed.directory.GeoCircle;
import br.com.healthmed.directory.Geohash;
import br.com.healthmed.directory.Listing;
import br.com.healthmed.directory.ListingFilter;
import br.com.healthmed.directory.NearestFirst;
import br.com.healthmed.directory.Rating;
import br.com.healthmed.directory.SearchArea;
import br.com.healthmed.directory.SearchHit;
import br.com.healthmed.directory.SearchQuery;
import br.com.healthmed.identity.AccountId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The directory in memory, indexed like the DynamoDB adapter: each doctor's {@link Listing} sits in a
 * bucket per specialty (and {@code *}) and geohash-5 cell, {@code <specialty>#<geohash-5>}
 * ({@link ListingBucket}, kept sorted by geohash and by each sort's rank). A DISTANCE page reads
 * cells nearest first ({@link NearestFirst}, finer cells as ranges of a bucket), a RATING or PRICE
 * page merges the buckets' rank orders ({@link RankedMerge}), and both stop once the page is full.
 * {@link #count} tests distances only in the geohash-6 cells on the circle's edge; only
 * {@link #within} reads every office of the circle. An entry and its listings change together under
 * the entry's map lock, which also makes a rating addition atomic.
 */
class InMemoryDirectoryStore implements DirectoryStore {

    /** A DISTANCE page reads a cell with at most this many listings whole; one with more as its 32 finer cells, nearest first. */
    static final int SPLIT_ABOVE = 64;

    private final int splitAbove;
    private final Map<AccountId, DirectoryEntry> entries = new ConcurrentHashMap<>();
    private final Map<String, ListingBucket> buckets = new ConcurrentHashMap<>();
    private final LongAdder listingsRead = new LongAdder();
    private final LongAdder edgeBoxesTested = new LongAdder();
    /** Odd while a save moves index keys, bumped twice per save: tells a search whether it may have met a doctor twice. */
    private final AtomicLong moves = new AtomicLong();
    private final Set<AccountId> withdrawn = ConcurrentHashMap.newKeySet();

    InMemoryDirectoryStore() {
        this(SPLIT_ABOVE);
    }

    /** With another split threshold: tests use a small one so that searches split cells often. */
    InMemoryDirectoryStore(int splitAbove) {
        this.splitAbove = splitAbove;
    }

    @Override
    public Optional<DirectoryEntry> find(AccountId doctorId) {
        return Optional.ofNullable(entries.get(doctorId));
    }

    @Override
    public Map<AccountId, DirectoryEntry> findAll(Collection<AccountId> doctorIds) {
        Map<AccountId, DirectoryEntry> found = new HashMap<>();
        doctorIds.forEach(id -> find(id).ifPresent(entry -> found.put(id, entry)));
        return found;
    }

    @Override
    public void save(DoctorProfile profile) {
        entries.compute(profile.doctorId(), (id, old) -> {
            moves.incrementAndGet();
            if (old != null) {
                old.profile().ifPresent(previous -> cellKeys(previous).forEach(key -> {
                    ListingBucket bucket = buckets.get(key);
                    if (bucket != null) {
                        bucket.remove(id);
                    }
                }));
            }
            DirectoryEntry saved = new DirectoryEntry(id, Optional.of(profile), old == null ? Rating.NONE : old.rating());
            if (!withdrawn.contains(id)) {
                list(saved);
            }
            moves.incrementAndGet();
            return saved;
        });
    }

    @Override
    public void setListed(AccountId doctorId, boolean listed) {
        entries.compute(doctorId, (id, entry) -> {
            moves.incrementAndGet();
            if (listed) {
                withdrawn.remove(id);
                if (entry != null) {
                    list(entry);
                }
            } else {
                withdrawn.add(id);
                if (entry != null) {
                    entry.profile().ifPresent(profile -> cellKeys(profile).forEach(key -> {
                        ListingBucket bucket = buckets.get(key);
                        if (bucket != null) {
                            bucket.remove(id);
                        }
                    }));
                }
            }
            moves.incrementAndGet();
            return entry;
        });
    }

    /** Nothing is ever left half done here: an entry and its listings change under one lock. */
    @Override
    public int healListings(java.time.Instant begunBefore) {
        return 0;
    }

    @Override
    public void addRating(AccountId doctorId, int stars) {
        entries.compute(doctorId, (id, old) -> {
            DirectoryEntry rated = old == null
                    ? new DirectoryEntry(id, Optional.empty(), Rating.NONE.plus(stars))
                    : new DirectoryEntry(id, old.profile(), old.rating().plus(stars));
            if (!withdrawn.contains(id)) {
                list(rated);
            }
            return rated;
        });
    }

    @Override
    public List<SearchHit> within(GeoCircle circle, String specialty) {
        GeoCircle.Probe probe = circle.probe();
        long movesBefore = moves.get();
        List<SearchHit> found = new ArrayList<>();
        for (String cell : cells(circle)) {
            ListingBucket bucket = buckets.get(specialty + "#" + cell);
            if (bucket != null) {
                bucket.listings().forEach(listing -> {
                    SearchHit hit = probe.hit(listing);
                    if (hit != null) {
                        found.add(hit);
                    }
                });
            }
        }
        // Ranges are disjoint cells and an office is in one cell, so a doctor is met twice only when
        // a save moved it meanwhile; only then is it worth removing duplicates.
        if (moved(movesBefore)) {
            Set<AccountId> seen = new HashSet<>();
            found.removeIf(hit -> !seen.add(hit.listing().doctorId()));
        }
        return found;
    }

    @Override
    public List<SearchHit> first(SearchQuery query) {
        return switch (query.sort()) {
            case DISTANCE -> NearestFirst.search(query, cellReader(query.specialty()), 1);
            case RATING, PRICE -> mergeRanked(query);
        };
    }

    /**
     * Counts without sorting or keeping anything: a cell wholly inside the circle counts by its size
     * (or a binary search in a rank order when one filter is set); only the geohash-6 cells on the
     * edge test each office's distance.
     */
    @Override
    public int count(GeoCircle circle, String specialty, ListingFilter filter) {
        long movesBefore = moves.get();
        GeoCircle.Probe probe = circle.probe();
        int count = 0;
        long read = 0;
        for (String cell : cells(circle)) {
            ListingBucket bucket = buckets.get(specialty + "#" + cell);
            GeoCircle.Box box = Geohash.bounds(cell);
            if (bucket == null || probe.missesBox(box)) {
                continue;
            }
            ListingBucket.Sorted sorted = bucket.sorted();
            if (probe.holdsBox(box)) {
                count += sorted.countAccepted(filter);
                continue;
            }
            for (ListingBucket.FinerCell edge : sorted.finerCells()) {
                GeoCircle.Box edgeBox = edge.box();
                edgeBoxesTested.increment();
                if (probe.missesBox(edgeBox)) {
                    continue;
                }
                List<Listing> listings = edge.listings();
                if (probe.holdsBox(edgeBox) && filter.isEmpty()) {
                    count += listings.size();
                    continue;
                }
                boolean inside = probe.holdsBox(edgeBox);
                for (Listing listing : listings) {
                    read++;
                    if ((inside || probe.hit(listing) != null) && filter.accepts(listing)) {
                        count++;
                    }
                }
            }
        }
        listingsRead.add(read);
        if (moved(movesBefore)) {
            // a doctor may have been counted in two cells: count the deduplicated hits instead
            return (int) within(circle, specialty).stream().filter(hit -> filter.accepts(hit.listing())).count();
        }
        return count;
    }

    /** How many geohash-6 boxes on circles' edges {@link #count} has tested (for tests: work, not time). */
    long edgeBoxesTested() {
        return edgeBoxesTested.sum();
    }

    /** How many listings searches have looked at so far (for tests and the benchmark: work, not time). */
    long listingsRead() {
        return listingsRead.sum();
    }

    /** Reads geohash-5 buckets, and splits a cell into finer ones when it holds more than {@link #SPLIT_ABOVE} listings. */
    private CellReader cellReader(String specialty) {
        return cells -> {
            List<CellReader.CellRead> reads = new ArrayList<>(cells.size());
            for (String cell : cells) {
                reads.add(read(specialty, cell));
            }
            return reads;
        };
    }

    private CellReader.CellRead read(String specialty, String cell) {
        if (cell.length() < Geohash.CELL_PRECISION) {
            return CellReader.CellRead.nothingYet(cell);
        }
        ListingBucket bucket = buckets.get(specialty + "#" + cell.substring(0, Geohash.CELL_PRECISION));
        if (bucket == null) {
            return CellReader.CellRead.whole(cell, List.of());
        }
        List<Listing> listings = bucket.sorted().inCell(cell);
        if (listings.size() > splitAbove && cell.length() < Geohash.STORED_PRECISION) {
            return CellReader.CellRead.nothingYet(cell);
        }
        listingsRead.add(listings.size());
        return CellReader.CellRead.whole(cell, listings);
    }

    /** RATING and PRICE: the buckets of the circle in the order's rank, merged. */
    private List<SearchHit> mergeRanked(SearchQuery query) {
        GeoCircle.Probe probe = query.circle().probe();
        List<Listing[]> ranked = new ArrayList<>();
        for (String cell : cells(query.circle())) {
            ListingBucket bucket = buckets.get(query.specialty() + "#" + cell);
            if (bucket != null && !probe.missesBox(Geohash.bounds(cell))) {
                ranked.add(bucket.sorted().ranked(query.sort()));
            }
        }
        return RankedMerge.page(query, ranked, listingsRead);
    }

    /** The geohash-5 cells of the ranges a search of the circle reads. */
    private static List<String> cells(GeoCircle circle) {
        List<String> cells = new ArrayList<>();
        for (SearchArea.Range range : SearchArea.ranges(circle)) {
            range.cell().ifPresentOrElse(cells::add, () -> cells.addAll(Geohash.children(range.partitionCell())));
        }
        return cells;
    }

    /** True when a save moved index keys since {@code movesBefore} was read, or was moving them then. */
    private boolean moved(long movesBefore) {
        return movesBefore != moves.get() || movesBefore % 2 != 0;
    }

    /** (Re)writes the entry's listings; called under the entry's lock. */
    private void list(DirectoryEntry entry) {
        entry.profile().ifPresent(profile -> profile.officeLocation().ifPresent(location -> {
            Listing listing = new Listing(entry.doctorId(), location, profile.consultationPrice(), entry.rating());
            String geohash = Geohash.encode(location, Geohash.STORED_PRECISION);
            cellKeys(profile).forEach(key -> buckets.computeIfAbsent(key, k -> new ListingBucket()).put(listing, geohash));
        }));
    }

    private static List<String> cellKeys(DoctorProfile profile) {
        return profile.officeLocation()
                .map(location -> Geohash.encode(location, Geohash.CELL_PRECISION))
                .map(cell -> profile.listedUnder().stream().map(specialty -> specialty + "#" + cell).toList())
                .orElse(List.of());
    }
}
