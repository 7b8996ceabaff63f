package br.com.healthmed.directory;

import java.util.Comparator;

/**
 * The orders of search results. Every order ends with the doctor id, so it is total: paging with a
 * cursor never skips or repeats a doctor while the data stays put.
 */
public enum SearchSort {
    /** Nearest first. */
    DISTANCE(Comparator.comparingDouble(SearchHit::distanceKm)),
    /** Best average first (unrated last), then more ratings, then nearest. */
    RATING(((Comparator<SearchHit>) (a, b) -> Rating.compareAverages(b.listing().rating(), a.listing().rating()))
            .thenComparing(Comparator.comparingLong((SearchHit hit) -> hit.listing().rating().count()).reversed())
            .thenComparingDouble(SearchHit::distanceKm)),
    /** Cheapest first (doctors without a price last), then nearest. */
    PRICE(Comparator.comparing((SearchHit hit) -> hit.listing().consultationPrice().orElse(null),
                    Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingDouble(SearchHit::distanceKm));

    private final Comparator<SearchHit> order;

    SearchSort(Comparator<SearchHit> primary) {
        this.order = primary.thenComparing(hit -> hit.listing().doctorId().value());
    }

    public Comparator<SearchHit> order() {
        return order;
    }
}
