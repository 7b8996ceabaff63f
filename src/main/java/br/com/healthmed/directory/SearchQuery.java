package br.com.healthmed.directory;

import java.util.Objects;
import java.util.Optional;

/**
 * One page's worth of a search as a store answers it: the first {@code limit} doctors listed under
 * {@code specialty} within the circle that pass the filter, in the sort's order, strictly after the
 * cursor's position when there is one.
 */
public record SearchQuery(GeoCircle circle, String specialty, ListingFilter filter, SearchSort sort,
                          Optional<SearchHit> after, int limit) {

    public SearchQuery {
        Objects.requireNonNull(circle);
        Objects.requireNonNull(specialty);
        Objects.requireNonNull(filter);
        Objects.requireNonNull(sort);
        Objects.requireNonNull(after);
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }

    /** True when a hit within the circle belongs on this query's pages: it passes the filter and comes after the cursor. */
    public boolean accepts(SearchHit hit) {
        return filter.accepts(hit.listing()) && (after.isEmpty() || sort.order().compare(hit, after.get()) > 0);
    }
}
