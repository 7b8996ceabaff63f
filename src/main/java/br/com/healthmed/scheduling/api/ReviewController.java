package br.com.healthmed.scheduling.api;

import br.com.healthmed.identity.DoctorSummary;
import br.com.healthmed.platform.graphql.connection.Connection;
import br.com.healthmed.platform.graphql.connection.PageRequest;
import br.com.healthmed.platform.graphql.connection.Pagination;
import br.com.healthmed.scheduling.AppointmentQueries;
import br.com.healthmed.scheduling.AppointmentStore;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** A doctor's reviews: the ratings patients gave completed consultations, newest first, without names. */
@Controller
class ReviewController {

    private final AppointmentQueries queries;

    ReviewController(AppointmentQueries queries) {
        this.queries = queries;
    }

    /** Forwards only: newest first is the way reviews are read. */
    @SchemaMapping(typeName = "Doctor", field = "reviews")
    Connection<AppointmentStore.Review> reviews(DoctorSummary doctor, @Argument @Nullable Integer first, @Argument @Nullable String after) {
        PageRequest<String> request = Pagination.forward(SchedulingCursors.REVIEWS, first, after);
        AppointmentStore.ReviewPage page = queries.reviews(doctor.id(), request.size(), request.from());
        return Connection.of(request, SchedulingCursors.REVIEWS, page.reviews(), page.cursors(), page.hasMore(), Optional.empty());
    }
}
