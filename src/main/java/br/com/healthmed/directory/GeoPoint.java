package br.com.healthmed.directory;

import br.com.healthmed.platform.error.DomainException;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/** A place on Earth in decimal degrees (WGS 84): latitude −90..90, longitude −180..180. */
@NamedInterface("api")
public record GeoPoint(double latitude, double longitude) {

    /** The mean Earth radius (IUGG), in km: the sphere every distance of the directory is measured on. */
    public static final double EARTH_RADIUS_KM = 6371.0088;

    public GeoPoint {
        if (!isValid(latitude, longitude)) {
            throw new IllegalArgumentException("not a valid coordinate pair");
        }
    }

    public static boolean isValid(double latitude, double longitude) {
        return Double.isFinite(latitude) && Double.isFinite(longitude)
                && latitude >= -90 && latitude <= 90 && longitude >= -180 && longitude <= 180;
    }

    /** The point, or {@code INVALID_COORDINATES} naming {@code field} when the pair is off the globe. */
    public static GeoPoint of(@Nullable Double latitude, @Nullable Double longitude, String field) {
        if (latitude == null || longitude == null || !isValid(latitude, longitude)) {
            throw DomainException.invalid(DirectoryErrors.INVALID_COORDINATES, field,
                    "Give both latitude (-90 to 90) and longitude (-180 to 180), in decimal degrees.");
        }
        return new GeoPoint(latitude, longitude);
    }

    /** The great-circle distance in km (haversine formula, stable for short distances). */
    public double distanceKm(GeoPoint other) {
        double lat1 = Math.toRadians(latitude);
        return kilometres(haversine(lat1, Math.cos(lat1), longitude, other));
    }

    /**
     * The haversine of the central angle between a point (latitude in radians with its cosine,
     * longitude in degrees) and {@code other}. {@link #distanceKm} and {@link GeoCircle.Probe} both
     * compute through here, so they agree to the last bit.
     */
    static double haversine(double lat1, double cosLat1, double lon1, GeoPoint other) {
        double lat2 = Math.toRadians(other.latitude);
        double sinHalfDLat = Math.sin((lat2 - lat1) / 2);
        double sinHalfDLon = Math.sin(Math.toRadians(other.longitude - lon1) / 2);
        return sinHalfDLat * sinHalfDLat + cosLat1 * Math.cos(lat2) * sinHalfDLon * sinHalfDLon;
    }

    static double kilometres(double haversine) {
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(haversine)));
    }
}
