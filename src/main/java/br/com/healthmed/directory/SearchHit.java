package br.com.healthmed.directory;

import java.util.Objects;

/**
 * A doctor found by a search, with the exact great-circle distance from the search's centre. The
 * distance is worked out from the haversine only when asked: ordering needs it only between hits at
 * almost the same distance, and a dense city has thousands of hits per search.
 */
public final class SearchHit {

    /** Haversines this much apart (relatively) always give distances in the same strict order. */
    private static final double CLEARLY_APART = 1e-9;

    private final Listing listing;
    private final double haversine;
    private double distanceKm = Double.NaN;

    private SearchHit(Listing listing, double haversine, double distanceKm) {
        this.listing = Objects.requireNonNull(listing);
        this.haversine = haversine;
        this.distanceKm = distanceKm;
    }

    /** A hit at a known distance. */
    public SearchHit(Listing listing, double distanceKm) {
        this(listing, haversineOf(distanceKm), distanceKm);
    }

    /** A hit known by the haversine of its central angle ({@link GeoPoint#haversine}). */
    static SearchHit ofHaversine(Listing listing, double haversine) {
        return new SearchHit(listing, haversine, Double.NaN);
    }

    public Listing listing() {
        return listing;
    }

    /** The haversine of the central angle from the centre; the distance grows with it. */
    double haversine() {
        return haversine;
    }

    /** Exactly {@link GeoPoint#distanceKm} from the centre to the office. */
    public double distanceKm() {
        if (Double.isNaN(distanceKm)) {
            distanceKm = GeoPoint.kilometres(haversine);
        }
        return distanceKm;
    }

    /**
     * Orders by exact distance, like {@code Double.compare(a.distanceKm(), b.distanceKm())}, from the
     * haversines when they are clearly apart (the distance is monotonic in it).
     */
    static int compareDistances(SearchHit a, SearchHit b) {
        double larger = Math.max(a.haversine, b.haversine);
        if (Math.abs(a.haversine - b.haversine) > CLEARLY_APART * larger) {
            return Double.compare(a.haversine, b.haversine);
        }
        return Double.compare(a.distanceKm(), b.distanceKm());
    }

    private static double haversineOf(double distanceKm) {
        double half = Math.sin(distanceKm / (2 * GeoPoint.EARTH_RADIUS_KM));
        return half * half;
    }

    @Override
    public String toString() {
        return "SearchHit[" + listing.doctorId() + ", " + distanceKm() + " km]";
    }
}
