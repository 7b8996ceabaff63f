package br.com.healthmed.directory;

import java.util.List;

/**
 * One page of results, each hit with its cursor; {@code totalCount} counts every match of the filter.
 */
public record SearchPage(List<Entry> entries, boolean hasNextPage, boolean hasPreviousPage, int totalCount) {

    public SearchPage {
        entries = List.copyOf(entries);
    }

    public record Entry(SearchHit hit, String cursor) {}
}
