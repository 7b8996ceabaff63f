package br.com.healthmed.directory.api;

import br.com.healthmed.directory.Rating;
import br.com.healthmed.directory.SearchPage;
import br.com.healthmed.identity.AccountId;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code DoctorSearchConnection} of one page. {@code totalCount} is a method, not a component:
 * GraphQL calls it only when the query selects it, and counting reads the whole circle.
 */
record DoctorSearchConnection(List<Edge> edges, PageInfo pageInfo, SearchPage page) {

    public int totalCount() {
        return page.totalCount();
    }

    /** A {@code DoctorSearchEdge}; {@code doctor} and {@code nextAvailableSlot} are batch-loaded by id. */
    record Edge(String cursor, AccountId doctorId, double distanceKm, Rating rating, @Nullable BigDecimal consultationPrice) {}

    record PageInfo(boolean hasNextPage, boolean hasPreviousPage, @Nullable String startCursor, @Nullable String endCursor) {}

    static DoctorSearchConnection of(SearchPage page) {
        List<Edge> edges = page.entries().stream()
                .map(entry -> new Edge(entry.cursor(), entry.hit().listing().doctorId(), entry.hit().distanceKm(),
                        entry.hit().listing().rating(), entry.hit().listing().consultationPrice().orElse(null)))
                .toList();
        return new DoctorSearchConnection(edges, new PageInfo(page.hasNextPage(), page.hasPreviousPage(),
                edges.isEmpty() ? null : edges.get(0).cursor(),
                edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()), page);
    }
}
