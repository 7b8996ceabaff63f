package br.com.healthmed.directory;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Optional;

/**
 * The orders of search results. Every order ends with the doctor id (UUID order), so it is total:
 * paging with a cursor never skips or repeats a doctor while the data stays put. Written out as
 * plain comparisons: a dense city compares thousands of hits per search.
 */
public enum SearchSort {
    /** Nearest first. */
    DISTANCE {
        @Override
        int primary(SearchHit a, SearchHit b) {
            return SearchHit.compareDistances(a, b);
        }
    },
    /** Best average first (unrated last), then more ratings, then nearest. */
    RATING {
        @Override
        int primary(SearchHit a, SearchHit b) {
            Rating ra = a.listing().rating();
            Rating rb = b.listing().rating();
            int byAverage = Rating.compareAverages(rb, ra);
            if (byAverage != 0) {
                return byAverage;
            }
            int byCount = Long.compare(rb.count(), ra.count());
            return byCount != 0 ? byCount : SearchHit.compareDistances(a, b);
        }
    },
    /** Cheapest first (doctors without a price last), then nearest. */
    PRICE {
        @Override
        int primary(SearchHit a, SearchHit b) {
            Optional<BigDecimal> pa = a.listing().consultationPrice();
            Optional<BigDecimal> pb = b.listing().consultationPrice();
            if (pa.isPresent() != pb.isPresent()) {
                return pa.isPresent() ? -1 : 1;
            }
            int byPrice = pa.isPresent() ? pa.get().compareTo(pb.get()) : 0;
            return byPrice != 0 ? byPrice : SearchHit.compareDistances(a, b);
        }
    };

    private final Comparator<SearchHit> order = (a, b) -> {
        int primary = primary(a, b);
        return primary != 0 ? primary : a.listing().doctorId().value().compareTo(b.listing().doctorId().value());
    };

    abstract int primary(SearchHit a, SearchHit b);

    public Comparator<SearchHit> order() {
        return order;
    }
}
