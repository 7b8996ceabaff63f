package br.com.healthmed.directory.api;

import br.com.healthmed.directory.SearchRequest;
import br.com.healthmed.directory.SearchSort;
import java.math.BigDecimal;

/** {@code DoctorSearchFilter} as the client sent it; the rules are checked by the service. */
record DoctorSearchFilter(String specialty, NearInput near, Double radiusKm, Double minRating, BigDecimal maxPrice) {

    record NearInput(Double latitude, Double longitude, String address) {}

    SearchRequest toRequest(SearchSort sort, Integer first, String after) {
        NearInput at = near == null ? new NearInput(null, null, null) : near;
        return new SearchRequest(specialty, at.latitude(), at.longitude(), at.address(), radiusKm, minRating, maxPrice,
                sort, first, after);
    }
}
