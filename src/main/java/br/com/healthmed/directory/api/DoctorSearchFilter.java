package br.com.healthmed.directory.api;

import br.com.healthmed.directory.SearchRequest;
import br.com.healthmed.directory.SearchSort;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** {@code DoctorSearchFilter} as the client sent it; the rules are checked by the service. */
record DoctorSearchFilter(@Nullable String specialty, @Nullable NearInput near, @Nullable Double radiusKm, @Nullable Double minRating,
                          @Nullable BigDecimal maxPrice) {

    record NearInput(@Nullable Double latitude, @Nullable Double longitude, @Nullable String address) {}

    SearchRequest toRequest(@Nullable SearchSort sort, @Nullable Integer first, @Nullable String after) {
        NearInput at = near == null ? new NearInput(null, null, null) : near;
        return new SearchRequest(specialty, at.latitude(), at.longitude(), at.address(), radiusKm, minRating, maxPrice,
                sort, first, after);
    }
}
