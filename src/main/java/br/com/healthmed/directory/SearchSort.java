package br.com.healthmed.directory;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Optional;

/**
 * The orders of search results. Each order is a rank that depends only on the listing (none for
 * DISTANCE), then the distance from the centre, then the doctor id (UUID order), so it is total:
 * paging with a cursor never skips or repeats a doctor while the data stays put. The rank is apart
 * so that a store can keep listings pre-sorted by it, whatever the centre of a search. Written out as
 * plain comparisons: a dense city compares thousands of hits per search.
 */
public enum SearchSort {
    /** Nearest first. */
    DISTANCE {
        @Override
        public int rank(Listing a, Listing b) {
            return 0;
        }
    },
    /** Best average first (unrated last), then more ratings, then nearest. */
    RATING {
        @Override
        public int rank(Listing a, Listing b) {
            Rating ra = a.rating();
            Rating rb = b.rating();
            int byAverage = Rating.compareAverages(rb, ra);
            return byAverage != 0 ? byAverage : Long.compare(rb.count(), ra.count());
        }
    },
    /** Cheapest first (doctors without a price last), then nearest. */
    PRICE {
        @Override
        public int rank(Listing a, Listing b) {
            Optional<BigDecimal> pa = a.consultationPrice();
            Optional<BigDecimal> pb = b.consultationPrice();
            if (pa.isPresent() != pb.isPresent()) {
                return pa.isPresent() ? -1 : 1;
            }
            return pa.isPresent() ? pa.get().compareTo(pb.get()) : 0;
        }
    };

    private final Comparator<SearchHit> order = (a, b) -> {
        int rank = rank(a.listing(), b.listing());
        if (rank != 0) {
            return rank;
        }
        int byDistance = SearchHit.compareDistances(a, b);
        return byDistance != 0 ? byDistance : a.listing().doctorId().value().compareTo(b.listing().doctorId().value());
    };

    /** The part of the order that does not depend on where the search is: 0 for listings that tie on it. */
    public abstract int rank(Listing a, Listing b);

    /** {@link #rank} as a comparator, for keeping listings pre-sorted. */
    public Comparator<Listing> rankOrder() {
        return this::rank;
    }

    public Comparator<SearchHit> order() {
        return order;
    }
}
