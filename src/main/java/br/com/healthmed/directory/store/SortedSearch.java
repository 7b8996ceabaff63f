package br.com.healthmed.directory.store;

import java.util.Comparator;

/** Binary search over the sorted arrays of the in-memory listings (by geohash, by rank). */
final class SortedSearch {

    private SortedSearch() {}

    /** The index of the first element of {@code sorted} that {@code order} does not put before {@code key}; the length if none. */
    static <T> int firstNotBefore(T[] sorted, T key, Comparator<? super T> order) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (order.compare(sorted[mid], key) < 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
