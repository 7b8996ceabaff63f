package br.com.healthmed.directory;

/** A doctor found by a search, with the exact great-circle distance from the search's centre. */
public record SearchHit(Listing listing, double distanceKm) {}
