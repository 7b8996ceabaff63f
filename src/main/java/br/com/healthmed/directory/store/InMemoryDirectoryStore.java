package br.com.healthmed.directory.store;

import br.com.healthmed.directory.DirectoryEntry;
import br.com.healthmed.directory.DirectoryStore;
import br.com.healthmed.directory.DoctorProfile;
import br.com.healthmed.directory.GeoCircle;
import br.com.healthmed.directory.Geohash;
import br.com.healthmed.directory.CellReader;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The directory in memory, indexed like the DynamoDB adapter: each doctor's {@link Listing} sits in a
 * bucket per specialty (and {@code *}) and geohash-5 cell, {@code <specialty>#<geohash-5>}
 * ({@link ListingBucket}, kept sorted by geohash and by each sort's rank). A DISTANCE page reads
 * cells nearest first ({@link NearestFirst}, finer cells as ranges of a bucket), a RATING or PRICE
 * page merges the buckets' rank orders, and both stop once the page is full; only {@link #within} and
 * the edge of {@link #count} read every office of the circle. An entry and its listings change
 * together under the entry's map lock, which also makes a rating addition atomic.
 */
class InMemoryDirectoryStore implements DirectoryStore {

    private final Map<AccountId, DirectoryEntry> entries = new ConcurrentHashMap<>();
    /** A search reads one of these at most once per cell: a cell holding more is read as its 32 finer cells, nearest first. */
    static final int SPLIT_ABOVE = 64;

    private final int splitAbove;

    private final Map<String, ListingBucket> buckets = new ConcurrentHashMap<>();
    private final LongAdder listingsRead = new LongAdder();
    /** Odd while a save moves index keys, bumped twice per save: tells a search whether it may have met a doctor twice. */
    private final AtomicLong moves = new AtomicLong();

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
            list(saved);
            moves.incrementAndGet();
            return saved;
        });
    }

    @Override
    public void addRating(AccountId doctorId, int stars) {
        entries.compute(doctorId, (id, old) -> {
            DirectoryEntry rated = old == null
                    ? new DirectoryEntry(id, Optional.empty(), Rating.NONE.plus(stars))
                    : new DirectoryEntry(id, old.profile(), old.rating().plus(stars));
            list(rated);
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
            for (String edge : Geohash.children(cell)) {
                GeoCircle.Box edgeBox = Geohash.bounds(edge);
                if (probe.missesBox(edgeBox)) {
                    continue;
                }
                List<Listing> listings = sorted.inCell(edge);
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

    /**
     * RATING and PRICE: a k-way merge of the cells' listings in rank order. Listings tied on the rank
     * are ordered by distance, so a whole group of equal rank is read before it is sorted; the merge
     * stops at the first group once the page is full, or where the filter rules out everything after.
     */
    private List<SearchHit> mergeRanked(SearchQuery query) {
        GeoCircle.Probe probe = query.circle().probe();
        Comparator<Listing> rank = query.sort().rankOrder();
        PriorityQueue<Run> runs = new PriorityQueue<>((a, b) -> rank.compare(a.head(), b.head()));
        for (String cell : cells(query.circle())) {
            ListingBucket bucket = buckets.get(query.specialty() + "#" + cell);
            if (bucket != null && !probe.missesBox(Geohash.bounds(cell))) {
                Listing[] ranked = bucket.sorted().ranked(query.sort());
                int start = query.after().map(after -> firstNotBefore(ranked, after.listing(), rank)).orElse(0);
                if (start < ranked.length) {
                    runs.add(new Run(ranked, start));
                }
            }
        }
        List<SearchHit> page = new ArrayList<>(query.limit());
        Set<AccountId> onPage = new HashSet<>();
        long read = 0;
        while (!runs.isEmpty() && page.size() < query.limit()) {
            Listing key = runs.peek().head();
            if (query.filter().rulesOutFrom(query.sort(), key)) {
                break;
            }
            List<SearchHit> tied = new ArrayList<>();
            while (!runs.isEmpty() && rank.compare(runs.peek().head(), key) == 0) {
                Run run = runs.poll();
                do {
                    read++;
                    SearchHit hit = probe.hit(run.head());
                    if (hit != null && query.accepts(hit)) {
                        tied.add(hit);
                    }
                    run.next++;
                } while (run.hasHead() && rank.compare(run.head(), key) == 0);
                if (run.hasHead()) {
                    runs.add(run);
                }
            }
            tied.sort(query.sort().order());
            for (SearchHit hit : tied) {
                if (page.size() < query.limit() && onPage.add(hit.listing().doctorId())) {
                    page.add(hit);
                }
            }
        }
        listingsRead.add(read);
        return page;
    }

    /** One cell's listings in rank order, from {@code next} on. */
    private static final class Run {
        private final Listing[] ranked;
        private int next;

        Run(Listing[] ranked, int next) {
            this.ranked = ranked;
            this.next = next;
        }

        Listing head() {
            return ranked[next];
        }

        boolean hasHead() {
            return next < ranked.length;
        }
    }

    /** The first index whose listing does not rank before {@code after}. */
    private static int firstNotBefore(Listing[] ranked, Listing after, Comparator<Listing> rank) {
        int low = 0;
        int high = ranked.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (rank.compare(ranked[mid], after) < 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
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
