package br.com.healthmed.directory.api;

import br.com.healthmed.directory.DoctorSearchService;
import br.com.healthmed.directory.DoctorView;
import br.com.healthmed.directory.NextFreeSlots;
import br.com.healthmed.directory.SearchCursor;
import br.com.healthmed.platform.graphql.connection.PageRequest;
import br.com.healthmed.platform.graphql.connection.Pagination;
import br.com.healthmed.directory.SearchSort;
import br.com.healthmed.identity.AccountId;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import br.com.healthmed.identity.DoctorSummary;
import br.com.healthmed.platform.metrics.BusinessMetrics;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** {@code searchDoctors} and the batch-loaded fields of its edges. */
@Controller
class DoctorSearchController {

    private final DoctorSearchService search;
    private final NextFreeSlots nextFreeSlots;
    private final BusinessMetrics metrics;
    private final Clock clock;

    DoctorSearchController(DoctorSearchService search, NextFreeSlots nextFreeSlots, BusinessMetrics metrics, Clock clock) {
        this.search = search;
        this.nextFreeSlots = nextFreeSlots;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Forwards only: hits are found nearest (or best, or cheapest) first, and there is no cheap way back. */
    @QueryMapping
    DoctorSearchConnection searchDoctors(@Argument DoctorSearchFilter filter, @Argument @Nullable SearchSort sort,
                                         @Argument @Nullable Integer first, @Argument @Nullable String after) {
        PageRequest<SearchCursor.Position> request = Pagination.forward(SearchCursor.CODEC, first, after);
        DoctorSearchConnection page = DoctorSearchConnection.of(request, search.search(filter.toRequest(sort, request.size(), after)));
        metrics.increment("healthmed.searches", "sort", sort == null ? SearchSort.DISTANCE.name() : sort.name());
        return page;
    }

    /**
     * The doctors found, from the one loader of profiles ({@link DoctorViews}): the Doctor's profile fields
     * then need no read of their own.
     */
    @SchemaMapping(typeName = "DoctorSearchEdge", field = "node")
    CompletableFuture<@Nullable DoctorSummary> node(DoctorSearchConnection.Edge edge, DataLoader<AccountId, DoctorView> views) {
        return views.load(edge.doctorId()).thenApply(view -> view == null ? null : view.account());
    }

    /** The field of before {@code node}, kept for one deprecation period. */
    @SchemaMapping(typeName = "DoctorSearchEdge", field = "doctor")
    CompletableFuture<@Nullable DoctorSummary> doctor(DoctorSearchConnection.Edge edge, DataLoader<AccountId, DoctorView> views) {
        return node(edge, views);
    }

    /** A search result's slot is named by the Slot's own id (the key; it goes out as the Slot's global id). */
    @SchemaMapping(typeName = "AvailableSlot", field = "id")
    UUID slotId(NextFreeSlots.FreeSlot slot) {
        return slot.slotId();
    }

    /** The earliest free slot of each doctor found, from the module that keeps agendas (scheduling implements {@link NextFreeSlots}). */
    @BatchMapping(typeName = "DoctorSearchEdge", field = "nextAvailableSlot")
    Map<DoctorSearchConnection.Edge, NextFreeSlots.FreeSlot> nextAvailableSlot(List<DoctorSearchConnection.Edge> edges) {
        Map<AccountId, NextFreeSlots.FreeSlot> earliest = nextFreeSlots.earliestFreeSlots(
                edges.stream().map(DoctorSearchConnection.Edge::doctorId).distinct().toList(), clock.instant());
        Map<DoctorSearchConnection.Edge, NextFreeSlots.FreeSlot> byEdge = new HashMap<>();
        edges.forEach(edge -> {
            NextFreeSlots.FreeSlot slot = earliest.get(edge.doctorId());
            if (slot != null) {
                byEdge.put(edge, slot);
            }
        });
        return byEdge;
    }
}
