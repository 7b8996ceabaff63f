package br.com.healthmed.scheduling.api;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A page of a cursor connection, shaped as the schema's {@code *Connection} types. */
record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo) {

    record Edge<T>(String cursor, T node) {}

    /** Forward paging only: {@code hasPreviousPage} is false, as Relay allows for {@code first}/{@code after}. */
    record PageInfo(boolean hasNextPage, boolean hasPreviousPage, @Nullable String startCursor, @Nullable String endCursor) {}

    static <T> Connection<T> of(List<T> nodes, List<String> cursors, boolean hasNextPage) {
        return of(nodes, cursors, hasNextPage, cursors.isEmpty() ? null : cursors.get(cursors.size() - 1));
    }

    /** With an end cursor of its own: a filtered list may have read past its last node. */
    static <T> Connection<T> of(List<T> nodes, List<String> cursors, boolean hasNextPage, @Nullable String endCursor) {
        List<Edge<T>> edges = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            edges.add(new Edge<>(cursors.get(i), nodes.get(i)));
        }
        return new Connection<>(edges, new PageInfo(hasNextPage, false, cursors.isEmpty() ? null : cursors.get(0), endCursor));
    }
}
