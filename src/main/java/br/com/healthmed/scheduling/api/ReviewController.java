package br.com.healthmed.scheduling.api;

import br.com.healthmed.identity.DoctorSummary;
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

    @SchemaMapping(typeName = "Doctor", field = "reviews")
    Connection<AppointmentStore.Review> reviews(DoctorSummary doctor, @Argument @Nullable Integer first, @Argument @Nullable String after) {
        AppointmentStore.ReviewPage page = queries.reviews(doctor.id(), first == null ? 20 : first, Optional.ofNullable(after));
        return Connection.of(page.reviews(), page.cursors(), page.hasMore());
    }
}
