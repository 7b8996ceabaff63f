package br.com.healthmed.directory;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A search as typed: not yet validated. The centre is either {@code latitude}/{@code longitude} or an
 * {@code address} for the geocoder.
 */
public record SearchRequest(
        @Nullable String specialty,
        @Nullable Double latitude,
        @Nullable Double longitude,
        @Nullable String address,
        @Nullable Double radiusKm,
        @Nullable Double minRating,
        @Nullable BigDecimal maxPrice,
        @Nullable SearchSort sort,
        @Nullable Integer first,
        @Nullable String after) {}
