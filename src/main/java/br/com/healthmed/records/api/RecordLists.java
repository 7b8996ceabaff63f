package br.com.healthmed.records.api;

import br.com.healthmed.platform.graphql.connection.Connection;
import br.com.healthmed.platform.graphql.connection.CursorCodec;
import br.com.healthmed.platform.graphql.connection.PageRequest;
import br.com.healthmed.records.Page;
import br.com.healthmed.platform.storage.TimePositions;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * What the cursors of the record's lists hold, and how a store's {@link Page} becomes a connection. The
 * files, the access log and the timelines are read newest first by {@link TimePositions}; shared records
 * by the patient's id.
 */
final class RecordLists {

    static final CursorCodec<String> FILES = CursorCodec.ofText("files", TimePositions::isPosition);
    static final CursorCodec<String> ACCESS_LOG = CursorCodec.ofText("access-log", TimePositions::isPosition);
    static final CursorCodec<String> TIMELINE = CursorCodec.ofText("timeline", TimePositions::isPosition);
    static final CursorCodec<UUID> SHARED_RECORDS = CursorCodec.of("shared-records", UUID::toString,
            text -> Optional.of(UUID.fromString(text)).filter(id -> id.toString().equals(text)));

    private RecordLists() {}

    /**
     * A forward page: {@link Page#next()} is where the next page starts (it may lie past the last item of
     * a filtered list); the positions of the items are {@code position} of them.
     */
    static <T, P> Connection<T> connection(PageRequest<P> request, CursorCodec<P> codec, Page<T> page, Function<T, P> position,
                                           Function<String, P> next) {
        List<P> positions = page.items().stream().map(position).toList();
        return Connection.of(request, codec, page.items(), positions, page.next().isPresent(), page.next().map(next));
    }

    /** A page in {@link TimePositions} order. */
    static <T> Connection<T> connection(PageRequest<String> request, CursorCodec<String> codec, Page<T> page, Function<T, String> position) {
        return connection(request, codec, page, position, Function.identity());
    }
}
