package br.com.healthmed.directory.store;

import br.com.healthmed.directory.Listing;
import br.com.healthmed.directory.ListingFilter;
import br.com.healthmed.directory.SearchSort;
import br.com.healthmed.identity.AccountId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * The in-memory listings of one specialty in one geohash-5 cell. Searches read sorted copies
 * ({@link Sorted}): by stored geohash, so that a finer cell is a range, and by each sort's rank, so
 * that a RATING or PRICE search merges the heads of the cells. A copy is rebuilt when a search needs
 * it after a change, not on every change: loading thousands of doctors sorts nothing.
 */
final class ListingBucket {

    /** A listing and the stored geohash of its office. */
    private record Placed(String geohash, Listing listing) {}

    private final Map<AccountId, Placed> placed = new ConcurrentHashMap<>();
    private final AtomicLong changes = new AtomicLong();
    private volatile @Nullable Sorted sorted;

    void put(Listing listing, String geohash) {
        placed.put(listing.doctorId(), new Placed(geohash, listing));
        changes.incrementAndGet();
    }

    void remove(AccountId doctorId) {
        if (placed.remove(doctorId) != null) {
            changes.incrementAndGet();
        }
    }

    /** Every listing, straight from the map (no copy sorted). */
    java.util.stream.Stream<Listing> listings() {
        return placed.values().stream().map(Placed::listing);
    }

    /** The sorted copies as of the last change; built now when there were changes since. */
    Sorted sorted() {
        long version = changes.get();
        Sorted current = sorted;
        if (current == null || current.version != version) {
            current = new Sorted(version, placed.values());
            sorted = current;
        }
        return current;
    }

    /** A geohash-6 cell of a bucket that holds listings: its box, and its listings in geohash order. */
    record FinerCell(br.com.healthmed.directory.GeoCircle.Box box, List<Listing> listings) {}

    /** An immutable view of the bucket's listings in geohash order, and in each sort's rank order on demand. */
    static final class Sorted {
        private final long version;
        private final String[] geohashes;
        private final Listing[] byGeohash;
        private volatile @Nullable List<FinerCell> finerCells;
        private final AtomicReferenceArray<Listing[]> byRank = new AtomicReferenceArray<>(SearchSort.values().length);

        private Sorted(long version, java.util.Collection<Placed> listings) {
            this.version = version;
            Placed[] placed = listings.stream().sorted(Comparator.comparing(Placed::geohash)).toArray(Placed[]::new);
            this.geohashes = Arrays.stream(placed).map(Placed::geohash).toArray(String[]::new);
            this.byGeohash = Arrays.stream(placed).map(Placed::listing).toArray(Listing[]::new);
        }

        int size() {
            return byGeohash.length;
        }

        /** The listings whose stored geohash starts with {@code cell} (a geohash-5 cell or finer), in geohash order. */
        List<Listing> inCell(String cell) {
            int from = firstAtLeast(cell);
            // '~' sorts after every geohash character: the first stored hash past the cell's range.
            int to = firstAtLeast(cell + "~");
            return Arrays.asList(byGeohash).subList(from, to);
        }

        /** The listings in {@code sort}'s rank order (best first). */
        Listing[] ranked(SearchSort sort) {
            Listing[] ranked = byRank.get(sort.ordinal());
            if (ranked == null) {
                ranked = byGeohash.clone();
                Arrays.sort(ranked, sort.rankOrder());
                byRank.set(sort.ordinal(), ranked);
            }
            return ranked;
        }

        /** How many listings pass the filter, by binary search when one filter alone bounds a rank order. */
        int countAccepted(ListingFilter filter) {
            if (filter.isEmpty()) {
                return size();
            }
            if (filter.minRating().isEmpty() || filter.maxPrice().isEmpty()) {
                SearchSort sort = filter.maxPrice().isPresent() ? SearchSort.PRICE : SearchSort.RATING;
                return firstRuledOut(ranked(sort), filter, sort);
            }
            int count = 0;
            for (Listing listing : byGeohash) {
                if (filter.accepts(listing)) {
                    count++;
                }
            }
            return count;
        }

        private static int firstRuledOut(Listing[] ranked, ListingFilter filter, SearchSort sort) {
            int low = 0;
            int high = ranked.length;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (filter.rulesOutFrom(sort, ranked[mid])) {
                    high = mid;
                } else {
                    low = mid + 1;
                }
            }
            return low;
        }

        /**
         * The bucket's 32 finer (geohash-6) cells with listings, each with its box and its range of
         * {@link #byGeohash}: worked out once per sorted copy, so that counting the edge of a circle
         * decodes no geohash and searches nothing per call (a JFR of one-specialty searches showed the
         * finer cells' bounds and binary searches costing more than the distance tests, issue 12).
         */
        List<FinerCell> finerCells() {
            List<FinerCell> cells = finerCells;
            if (cells == null) {
                List<FinerCell> built = new java.util.ArrayList<>();
                int from = 0;
                while (from < geohashes.length) {
                    String cell = geohashes[from].substring(0, br.com.healthmed.directory.Geohash.CELL_PRECISION + 1);
                    int to = firstAtLeast(cell + "~");
                    built.add(new FinerCell(br.com.healthmed.directory.Geohash.bounds(cell),
                            Arrays.asList(byGeohash).subList(from, to)));
                    from = to;
                }
                cells = List.copyOf(built);
                finerCells = cells;
            }
            return cells;
        }

        private int firstAtLeast(String prefix) {
            return SortedSearch.firstNotBefore(geohashes, prefix, String::compareTo);
        }
    }
}
