package br.com.healthmed.directory.api;

import br.com.healthmed.directory.DoctorProfileService;
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
import br.com.healthmed.platform.metrics.BusinessMetrics;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code searchDoctors} and the batch-loaded fields of its edges. */
@Controller
class DoctorSearchController {

    private final DoctorSearchService search;
    private final DoctorProfileService profiles;
    private final NextFreeSlots nextFreeSlots;
    private final BusinessMetrics metrics;
    private final Clock clock;

    DoctorSearchController(DoctorSearchService search, DoctorProfileService profiles,
                           NextFreeSlots nextFreeSlots, BusinessMetrics metrics, Clock clock) {
        this.search = search;
        this.profiles = profiles;
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

    @BatchMapping(typeName = "DoctorSearchEdge", field = "node")
    Map<DoctorSearchConnection.Edge, DoctorView> node(List<DoctorSearchConnection.Edge> edges) {
        return profiles(edges);
    }

    /** The field of before {@code node}, kept for one deprecation period. */
    @BatchMapping(typeName = "DoctorSearchEdge", field = "doctor")
    Map<DoctorSearchConnection.Edge, DoctorView> doctor(List<DoctorSearchConnection.Edge> edges) {
        return profiles(edges);
    }

    private Map<DoctorSearchConnection.Edge, DoctorView> profiles(List<DoctorSearchConnection.Edge> edges) {
        Map<AccountId, DoctorView> views = profiles.findAll(edges.stream().map(DoctorSearchConnection.Edge::doctorId).toList());
        Map<DoctorSearchConnection.Edge, DoctorView> byEdge = new HashMap<>();
        edges.forEach(edge -> {
            DoctorView view = views.get(edge.doctorId());
            if (view != null) {
                byEdge.put(edge, view);
            }
        });
        return byEdge;
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
