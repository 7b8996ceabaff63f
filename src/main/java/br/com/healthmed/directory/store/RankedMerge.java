package br.com.healthmed.directory.store;

import br.com.healthmed.directory.GeoCircle;
import br.com.healthmed.directory.Listing;
import br.com.healthmed.directory.SearchHit;
import br.com.healthmed.directory.SearchQuery;
import br.com.healthmed.identity.AccountId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * A RATING or PRICE page from cells whose listings are each sorted by the order's rank: a k-way merge
 * of the cells' heads. Listings tied on the rank are ordered by distance, so a whole group of equal
 * rank is read before it is sorted; the merge stops at the first group once the page is full, or where
 * the filter rules out everything after (a price above {@code maxPrice}, an average below
 * {@code minRating}). Each cell starts at the cursor's rank, found by binary search.
 */
final class RankedMerge {

    private RankedMerge() {}

    /** The page; adds the listings it looked at to {@code listingsRead}. */
    static List<SearchHit> page(SearchQuery query, List<Listing[]> rankedCells, LongAdder listingsRead) {
        GeoCircle.Probe probe = query.circle().probe();
        Comparator<Listing> rank = query.sort().rankOrder();
        PriorityQueue<Run> runs = new PriorityQueue<>((a, b) -> rank.compare(a.head(), b.head()));
        for (Listing[] ranked : rankedCells) {
            int start = query.after().map(after -> SortedSearch.firstNotBefore(ranked, after.listing(), rank)).orElse(0);
            if (start < ranked.length) {
                runs.add(new Run(ranked, start));
            }
        }
        List<SearchHit> page = new ArrayList<>(query.limit());
        Set<AccountId> onPage = new HashSet<>();
        long read = 0;
        while (!runs.isEmpty() && page.size() < query.limit()) {
            Listing key = runs.peek().head();
            if (query.filter().rulesOutFrom(query.sort(), key)) {
                break;
            }
            List<SearchHit> tied = new ArrayList<>();
            while (!runs.isEmpty() && rank.compare(runs.peek().head(), key) == 0) {
                Run run = runs.poll();
                do {
                    read++;
                    SearchHit hit = probe.hit(run.head());
                    if (hit != null && query.accepts(hit)) {
                        tied.add(hit);
                    }
                    run.next++;
                } while (run.hasHead() && rank.compare(run.head(), key) == 0);
                if (run.hasHead()) {
                    runs.add(run);
                }
            }
            tied.sort(query.sort().order());
            for (SearchHit hit : tied) {
                // a doctor moved between cells during the search can be met twice
                if (page.size() < query.limit() && onPage.add(hit.listing().doctorId())) {
                    page.add(hit);
                }
            }
        }
        listingsRead.add(read);
        return page;
    }

    /** One cell's listings in rank order, from {@code next} on. */
    private static final class Run {
        private final Listing[] ranked;
        private int next;

        Run(Listing[] ranked, int next) {
            this.ranked = ranked;
            this.next = next;
        }

        Listing head() {
            return ranked[next];
        }

        boolean hasHead() {
            return next < ranked.length;
        }
    }
}
