package br.com.healthmed.platform.graphql.connection;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A page of any {@code XConnection}: edges in the list's own order whichever way it was read, and its
 * {@link PageInfo}. Built from what a store read: the nodes in reading order with their positions, whether
 * more may follow in that direction, and, for a list that filters what it read, where reading stopped.
 *
 * <p>{@code pageInfo}: reading forwards, {@code hasNextPage} says more may follow and {@code
 * hasPreviousPage} that the page started after a cursor; reading backwards the other way round.
 * {@code endCursor} (forwards) or {@code startCursor} (backwards) is where reading stopped, which for a
 * filtered list may lie past the last edge: a page may then be short, even empty, with more to come.
 */
public record Connection<N>(List<Edge<N>> edges, PageInfo pageInfo) {

    public Connection {
        edges = List.copyOf(edges);
    }

    /** Every node's position is {@code position} of it. */
    public static <N, P> Connection<N> of(PageRequest<P> request, CursorCodec<P> codec, List<N> nodes,
                                          Function<N, P> position, boolean hasMore) {
        return of(request, codec, nodes, nodes.stream().map(position).toList(), hasMore, Optional.empty());
    }

    /**
     * The nodes as read (for a backward request, nearest to {@code before} first), each at its position;
     * {@code stoppedAt}, when present, is where the next page in the same direction starts from.
     */
    public static <N, P> Connection<N> of(PageRequest<P> request, CursorCodec<P> codec, List<N> nodes, List<P> positions,
                                          boolean hasMore, Optional<P> stoppedAt) {
        if (nodes.size() != positions.size()) {
            throw new IllegalArgumentException("one position per node");
        }
        List<Edge<N>> edges = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            edges.add(new Edge<>(codec.encode(positions.get(i)), nodes.get(i)));
        }
        @Nullable String stopped = stoppedAt.map(codec::encode).orElse(null);
        boolean fromCursor = request.from().isPresent();
        if (request.backward()) {
            Collections.reverse(edges);
            return new Connection<>(edges, new PageInfo(fromCursor, hasMore,
                    stopped != null ? stopped : first(edges), last(edges)));
        }
        return new Connection<>(edges, new PageInfo(hasMore, fromCursor, first(edges), stopped != null ? stopped : last(edges)));
    }

    /** The same page with each node turned into what the schema shows. */
    public <M> Connection<M> map(Function<N, M> view) {
        return new Connection<>(edges.stream().map(edge -> new Edge<>(edge.cursor(), view.apply(edge.node()))).toList(), pageInfo);
    }

    private static @Nullable String first(List<? extends Edge<?>> edges) {
        return edges.isEmpty() ? null : edges.get(0).cursor();
    }

    private static @Nullable String last(List<? extends Edge<?>> edges) {
        return edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
    }
}
