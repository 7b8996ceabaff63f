package br.com.healthmed.platform.graphql;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;

/**
 * A map from request text (a document, a hash) to what the service keeps about it, bounded by the
 * number of entries and by their total weight in characters, least recently used first out. Clients
 * choose the keys, so a flood of distinct ones must not fill the heap: both bounds hold after every
 * {@link #put}. Thread-safe; every call holds the one lock, which is fine for the few microseconds a
 * lookup takes.
 */
final class TextLru<V> {

    private final int maxEntries;
    private final long maxTotalChars;
    private final ToLongFunction<Map.Entry<String, V>> weight;
    private final Map<String, V> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long totalChars;

    /** {@code weight} says how many characters an entry holds, counted against {@code maxTotalChars}. */
    TextLru(int maxEntries, long maxTotalChars, ToLongFunction<Map.Entry<String, V>> weight) {
        this.maxEntries = maxEntries;
        this.maxTotalChars = maxTotalChars;
        this.weight = weight;
    }

    synchronized @Nullable V get(String key) {
        return entries.get(key);
    }

    /** Keeps {@code value} unless {@code key} is kept already; evicts the least recently used beyond the bounds. */
    synchronized void put(String key, V value) {
        if (entries.putIfAbsent(key, value) != null) {
            return;
        }
        totalChars += weight.applyAsLong(Map.entry(key, value));
        var eldest = entries.entrySet().iterator();
        while (entries.size() > maxEntries || totalChars > maxTotalChars) {
            Map.Entry<String, V> evicted = eldest.next();
            totalChars -= weight.applyAsLong(evicted);
            eldest.remove();
        }
    }

    synchronized int size() {
        return entries.size();
    }
}
