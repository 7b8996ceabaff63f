package br.com.healthmed.scheduling.api;

import br.com.healthmed.platform.graphql.connection.CursorCodec;
import br.com.healthmed.scheduling.SortKeys;

/** What the cursors of scheduling's lists hold: the store's {@link SortKeys} key of the edge ({@code <instant>#<id>}). */
final class SchedulingCursors {

    static final CursorCodec<String> APPOINTMENTS = CursorCodec.ofText("appointments", SortKeys::isWellFormed);
    static final CursorCodec<String> REVIEWS = CursorCodec.ofText("reviews", SortKeys::isWellFormed);

    private SchedulingCursors() {}
}
