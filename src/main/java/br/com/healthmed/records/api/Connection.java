package br.com.healthmed.records.api;

import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.PlatformErrors;
import br.com.healthmed.records.Page;
import br.com.healthmed.records.Positions;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A Relay cursor connection. Cursors are opaque to clients: base64url of a position in the list
 * ({@link Positions}); one that does not decode to a position is {@code BAD_USER_INPUT}.
 */
record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo) {

    static final int MAX_FIRST = 100;
    static final int DEFAULT_FIRST = 20;

    record Edge<T>(String cursor, T node) {}

    record PageInfo(boolean hasNextPage, boolean hasPreviousPage, @Nullable String startCursor, @Nullable String endCursor) {}

    static <T> Connection<T> of(Page<T> page, Function<T, String> position) {
        return of(page.items(), page.items().stream().map(position).toList(), page.next());
    }

    /**
     * The nodes at their positions. {@code endCursor} is {@code next} when there is more: a filtered list
     * may have read past its last node, and goes on from where it stopped reading.
     */
    static <T> Connection<T> of(List<T> nodes, List<String> positions, Optional<String> next) {
        List<Edge<T>> edges = new java.util.ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            edges.add(new Edge<>(encode(positions.get(i)), nodes.get(i)));
        }
        String end = next.map(Connection::encode).orElse(edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
        return new Connection<>(List.copyOf(edges), new PageInfo(next.isPresent(), false,
                edges.isEmpty() ? null : edges.get(0).cursor(), end));
    }

    /** {@code first} of a connection: 20 if null (the schema's default, or a client sending null). */
    static int first(@Nullable Integer first) {
        return first(first, DEFAULT_FIRST);
    }

    /** {@code first}, or {@code byDefault} if null: GraphQL applies the schema's default only when it is omitted. */
    static int first(@Nullable Integer first, int byDefault) {
        int n = first == null ? byDefault : first;
        if (n < 1 || n > MAX_FIRST) {
            throw DomainException.invalid(PlatformErrors.BAD_USER_INPUT, "first", "first must be between 1 and " + MAX_FIRST + ".");
        }
        return n;
    }

    static Optional<String> after(@Nullable String cursor) {
        if (cursor == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Positions.checked(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8), "after"));
        } catch (IllegalArgumentException notBase64) {
            throw DomainException.invalid(PlatformErrors.BAD_USER_INPUT, "after", "Not a cursor from this list.");
        }
    }

    /** A cursor of a list in id order (the position is an id): refused, as {@code BAD_USER_INPUT}, unless it is one. */
    static Optional<java.util.UUID> afterId(@Nullable String cursor) {
        if (cursor == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(java.util.UUID.fromString(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException notACursor) {
            throw DomainException.invalid(PlatformErrors.BAD_USER_INPUT, "after", "Not a cursor from this list.");
        }
    }

    private static String encode(String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }
}
