package br.com.healthmed.directory;

import br.com.healthmed.identity.AccountId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The first {@code capacity} hits in an order among those offered, each doctor once: a bounded heap
 * with the worst kept on top. A doctor whose office moved while a search read the index can be met
 * twice; the better of the two is kept.
 */
public final class TopHits {

    private final int capacity;
    private final Comparator<SearchHit> order;
    private final PriorityQueue<SearchHit> worstFirst;
    private final Map<AccountId, SearchHit> byDoctor = new HashMap<>();

    public TopHits(int capacity, Comparator<SearchHit> order) {
        this.capacity = capacity;
        this.order = order;
        this.worstFirst = new PriorityQueue<>(capacity + 1, order.reversed());
    }

    public void offer(SearchHit hit) {
        AccountId doctor = hit.listing().doctorId();
        SearchHit known = byDoctor.get(doctor);
        if (known != null) {
            if (order.compare(hit, known) >= 0) {
                return;
            }
            worstFirst.remove(known);
            byDoctor.remove(doctor);
        }
        if (worstFirst.size() < capacity) {
            add(hit);
        } else if (order.compare(hit, worstFirst.peek()) < 0) {
            byDoctor.remove(worstFirst.poll().listing().doctorId());
            add(hit);
        }
    }

    public boolean isFull() {
        return worstFirst.size() >= capacity;
    }

    /** The last hit kept; only when there is one. */
    public SearchHit worst() {
        return worstFirst.element();
    }

    /** The hits kept, in order. */
    public List<SearchHit> sorted() {
        List<SearchHit> hits = new ArrayList<>(worstFirst);
        hits.sort(order);
        return hits;
    }

    private void add(SearchHit hit) {
        worstFirst.add(hit);
        byDoctor.put(hit.listing().doctorId(), hit);
    }
}
