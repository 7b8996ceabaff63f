package br.com.healthmed.directory.api;

import br.com.healthmed.directory.Rating;
import br.com.healthmed.directory.SearchCursor;
import br.com.healthmed.directory.SearchHit;
import br.com.healthmed.directory.SearchPage;
import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.graphql.connection.Connection;
import br.com.healthmed.platform.graphql.connection.PageInfo;
import br.com.healthmed.platform.graphql.connection.PageRequest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The {@code DoctorSearchConnection} of one page, built by the connection toolkit; its edges keep what
 * the search found out about each doctor (distance, rating, price) beside the node. {@code totalCount} is
 * a method, not a component: GraphQL calls it only when the query selects it, and counting reads the
 * whole circle.
 */
record DoctorSearchConnection(List<Edge> edges, PageInfo pageInfo, SearchPage page) {

    public int totalCount() {
        return page.totalCount();
    }

    /** A {@code DoctorSearchEdge}; {@code node} (and its deprecated twin {@code doctor}) and {@code nextAvailableSlot} are batch-loaded by id. */
    record Edge(String cursor, AccountId doctorId, double distanceKm, Rating rating, @Nullable BigDecimal consultationPrice) {}

    static DoctorSearchConnection of(PageRequest<SearchCursor.Position> request, SearchPage page) {
        Connection<SearchHit> connection = Connection.of(request, SearchCursor.CODEC,
                page.entries().stream().map(SearchPage.Entry::hit).toList(),
                page.entries().stream().map(SearchPage.Entry::position).toList(), page.hasNextPage(), Optional.empty());
        List<Edge> edges = connection.edges().stream()
                .map(edge -> new Edge(edge.cursor(), edge.node().listing().doctorId(), edge.node().distanceKm(),
                        edge.node().listing().rating(), edge.node().listing().consultationPrice().orElse(null)))
                .toList();
        return new DoctorSearchConnection(edges, connection.pageInfo(), page);
    }
}
