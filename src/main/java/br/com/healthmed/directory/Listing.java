package br.com.healthmed.directory;

import br.com.healthmed.identity.AccountId;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/** A doctor as the search index sees them: where the office is, the price and the rating totals. */
public record Listing(AccountId doctorId, GeoPoint location, Optional<BigDecimal> consultationPrice, Rating rating) {

    /** The index key under which every listed doctor is found, whatever the specialty. */
    public static final String ANY_SPECIALTY = "*";

    public Listing {
        Objects.requireNonNull(doctorId);
        Objects.requireNonNull(location);
        Objects.requireNonNull(consultationPrice);
        Objects.requireNonNull(rating);
    }
}
