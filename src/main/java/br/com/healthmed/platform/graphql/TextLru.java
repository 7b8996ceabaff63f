package br.com.healthmed.platform.graphql;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;

/**
 * A map from request text (a document, a hash) to what the service keeps about it, bounded by the
 * number of entries and by their total weight in characters, least recently used first out. Clients
 * choose the keys, so a flood of distinct ones must not fill the heap: both bounds hold after every
 * {@link #put}. Thread-safe.
 *
 * <p>Every request looks its document up here, so a lookup takes no lock it would wait for: the values
 * are read from a concurrent map, and the use is recorded in the recency order only when its lock is
 * free at that moment (a lookup that finds it busy skips the record). With one lock on every lookup, as
 * before, 64 requests in flight on 2 cores spent more time waiting for it than in it (a JFR lock profile
 * of {@code doctorAgenda} under wrk). Uncontended, the order is exact LRU; contended, an entry in heavy
 * use is recorded often enough to stay recent. Writes (a document not seen before) take the lock.
 */
final class TextLru<V> {

    private final int maxEntries;
    private final long maxTotalChars;
    private final ToLongFunction<Map.Entry<String, V>> weight;
    private final Map<String, V> values = new ConcurrentHashMap<>();
    /** The recency order of {@link #values}' keys, eldest first; guarded by {@link #lock}. */
    private final Map<String, V> order = new LinkedHashMap<>(16, 0.75f, true);
    private final ReentrantLock lock = new ReentrantLock();
    /** Guarded by {@link #lock}. */
    private long totalChars;

    /** {@code weight} says how many characters an entry holds, counted against {@code maxTotalChars}. */
    TextLru(int maxEntries, long maxTotalChars, ToLongFunction<Map.Entry<String, V>> weight) {
        this.maxEntries = maxEntries;
        this.maxTotalChars = maxTotalChars;
        this.weight = weight;
    }

    @Nullable V get(String key) {
        V value = values.get(key);
        if (value != null && lock.tryLock()) {
            try {
                order.get(key); // moves it to the most recent end
            } finally {
                lock.unlock();
            }
        }
        return value;
    }

    /** Keeps {@code value} unless {@code key} is kept already; evicts the least recently used beyond the bounds. */
    void put(String key, V value) {
        lock.lock();
        try {
            if (order.putIfAbsent(key, value) != null) {
                return;
            }
            values.put(key, value);
            totalChars += weight.applyAsLong(Map.entry(key, value));
            var eldest = order.entrySet().iterator();
            while (order.size() > maxEntries || totalChars > maxTotalChars) {
                Map.Entry<String, V> evicted = eldest.next();
                totalChars -= weight.applyAsLong(evicted);
                values.remove(evicted.getKey());
                eldest.remove();
            }
        } finally {
            lock.unlock();
        }
    }

    int size() {
        return values.size();
    }
}
