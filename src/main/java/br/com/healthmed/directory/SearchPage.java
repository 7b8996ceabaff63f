package br.com.healthmed.directory;

import java.util.List;
import java.util.function.IntSupplier;
import org.jspecify.annotations.Nullable;

/**
 * One page of results, each hit with its cursor. {@link #totalCount} counts every match of the
 * filter; it reads the whole circle, so it is worked out only when asked for, at most once.
 */
public final class SearchPage {

    private final List<Entry> entries;
    private final boolean hasNextPage;
    private final boolean hasPreviousPage;
    private final IntSupplier counter;
    private volatile @Nullable Integer totalCount;

    public SearchPage(List<Entry> entries, boolean hasNextPage, boolean hasPreviousPage, IntSupplier counter) {
        this.entries = List.copyOf(entries);
        this.hasNextPage = hasNextPage;
        this.hasPreviousPage = hasPreviousPage;
        this.counter = counter;
    }

    public List<Entry> entries() {
        return entries;
    }

    public boolean hasNextPage() {
        return hasNextPage;
    }

    public boolean hasPreviousPage() {
        return hasPreviousPage;
    }

    public int totalCount() {
        Integer count = totalCount;
        if (count == null) {
            count = counter.getAsInt();
            totalCount = count;
        }
        return count;
    }

    /** A hit and the position after it, which its cursor holds. */
    public record Entry(SearchHit hit, SearchCursor.Position position) {

        public String cursor() {
            return SearchCursor.CODEC.encode(position);
        }
    }
}
