package br.com.healthmed.records;

import java.util.List;
import java.util.Optional;

/**
 * One page of a list read in order. {@code next} is the opaque position after the last item, present
 * when more items may follow; pass it back to read on.
 */
public record Page<T>(List<T> items, Optional<String> next) {

    public Page {
        items = List.copyOf(items);
    }

    public static <T> Page<T> empty() {
        return new Page<>(List.of(), Optional.empty());
    }
}
