package br.com.healthmed.directory;

import java.math.BigDecimal;

/**
 * A search as typed: not yet validated. The centre is either {@code latitude}/{@code longitude} or an
 * {@code address} for the geocoder.
 */
public record SearchRequest(
        String specialty,
        Double latitude,
        Double longitude,
        String address,
        Double radiusKm,
        Double minRating,
        BigDecimal maxPrice,
        SearchSort sort,
        Integer first,
        String after) {}
