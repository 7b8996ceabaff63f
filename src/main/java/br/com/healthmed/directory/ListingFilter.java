package br.com.healthmed.directory;

import java.math.BigDecimal;
import java.util.Optional;

/** The filters of a search besides the circle and the specialty: a minimum average rating and a maximum price. */
public record ListingFilter(Optional<BigDecimal> minRating, Optional<BigDecimal> maxPrice) {

    public static final ListingFilter NONE = new ListingFilter(Optional.empty(), Optional.empty());

    public boolean accepts(Listing listing) {
        return (minRating.isEmpty() || listing.rating().atLeast(minRating.get()))
                && (maxPrice.isEmpty() || listing.consultationPrice().filter(p -> p.compareTo(maxPrice.get()) <= 0).isPresent());
    }

    public boolean isEmpty() {
        return minRating.isEmpty() && maxPrice.isEmpty();
    }

    /**
     * True when no listing ranked at or after {@code listing} in {@code sort} can pass: the price
     * filter only lets a prefix of the PRICE order through (cheapest first, no price last), and the
     * rating filter a prefix of the RATING order (best first, unrated last). A merge in that order can
     * stop there.
     */
    public boolean rulesOutFrom(SearchSort sort, Listing listing) {
        return switch (sort) {
            case PRICE -> maxPrice.isPresent() && !new ListingFilter(Optional.empty(), maxPrice).accepts(listing);
            case RATING -> minRating.isPresent() && !new ListingFilter(minRating, Optional.empty()).accepts(listing);
            case DISTANCE -> false;
        };
    }
}
