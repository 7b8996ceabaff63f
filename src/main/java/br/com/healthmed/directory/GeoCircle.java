package br.com.healthmed.directory;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Every point within {@code radiusKm} (great-circle, inclusive) of {@code center}. */
public record GeoCircle(GeoPoint center, double radiusKm) {

    /**
     * Widens the bounding box by about 0.1 m, far more than the rounding error of the distance
     * formula: a point the exact filter accepts is never outside the box the index reads.
     */
    private static final double MARGIN_DEGREES = 1e-6;

    public GeoCircle {
        Objects.requireNonNull(center);
        if (!(radiusKm > 0) || !Double.isFinite(radiusKm)) {
            throw new IllegalArgumentException("radius must be positive");
        }
    }

    public boolean contains(GeoPoint point) {
        return center.distanceKm(point) <= radiusKm;
    }

    /** A reusable tester for many points: the centre's trigonometry computed once. */
    public Probe probe() {
        return new Probe(this);
    }

    /**
     * Finds the offices within the circle without an inverse sine for most of them: a point whose
     * haversine is clearly above the circle's is out, one clearly below is in, and only the thin
     * band between is decided by the exact {@link GeoPoint#distanceKm}.
     */
    public static final class Probe {
        private static final double MARGIN = 1e-9;
        /** Far above the rounding of the bounds' few operations, and far below any geographic difference. */
        private static final double BOUND_MARGIN = 1e-6;
        private final GeoCircle circle;
        private final double lat1;
        private final double cosLat1;
        private final double surelyOut;
        private final double surelyIn;

        private Probe(GeoCircle circle) {
            this.circle = circle;
            this.lat1 = Math.toRadians(circle.center.latitude());
            this.cosLat1 = Math.cos(lat1);
            double half = Math.sin(circle.radiusKm / (2 * GeoPoint.EARTH_RADIUS_KM));
            this.surelyOut = half * half * (1 + MARGIN);
            this.surelyIn = half * half * (1 - MARGIN);
        }

        /**
         * No point of the box is within the circle (a lower bound of the haversine, see
         * {@link #minHaversine}, clearly above the circle's).
         */
        public boolean missesBox(Box box) {
            return minHaversine(box) > surelyOut * (1 + BOUND_MARGIN);
        }

        /** Every point of the box is within the circle. */
        public boolean holdsBox(Box box) {
            return maxHaversine(box) * (1 + BOUND_MARGIN) < surelyIn;
        }

        /**
         * At most the haversine from the centre to any point of the box. The haversine is
         * {@code hav(Δφ) + cos φ1 cos φ2 hav(Δλ)}: both terms are at least their value at the smallest
         * latitude gap, the smallest cosine of the box's latitudes (at an edge: cosine is concave there)
         * and the smallest longitude gap.
         */
        double minHaversine(Box box) {
            double centreLat = circle.center.latitude();
            double latGap = centreLat < box.south() ? box.south() - centreLat
                    : centreLat > box.north() ? centreLat - box.north() : 0;
            double lonGap = longitudeGap(circle.center.longitude(), box);
            double minCos = Math.min(Math.cos(Math.toRadians(box.south())), Math.cos(Math.toRadians(box.north())));
            return hav(latGap) + cosLat1 * Math.max(0, minCos) * hav(lonGap);
        }

        /** At least the haversine from the centre to any point of the box; the same terms at their largest. */
        double maxHaversine(Box box) {
            double centreLat = circle.center.latitude();
            double latSpan = Math.max(Math.abs(centreLat - box.south()), Math.abs(centreLat - box.north()));
            double maxCos = box.south() <= 0 && box.north() >= 0 ? 1
                    : Math.cos(Math.toRadians(Math.min(Math.abs(box.south()), Math.abs(box.north()))));
            double lonSpan = longitudeSpan(circle.center.longitude(), box);
            return hav(latSpan) + cosLat1 * maxCos * hav(lonSpan);
        }

        /** {@code sin²(θ/2)} of an angle in degrees. */
        private static double hav(double degrees) {
            double half = Math.sin(Math.toRadians(degrees) / 2);
            return half * half;
        }

        /** The smallest longitude difference (0..180 degrees) from {@code lon} to the box's longitudes. */
        private static double longitudeGap(double lon, Box box) {
            if (lon >= box.west() && lon <= box.east()) {
                return 0;
            }
            return Math.min(180, Math.min(reduced(box.west() - lon), reduced(box.east() - lon)));
        }

        /** The largest longitude difference (0..180 degrees) from {@code lon} to the box's longitudes. */
        private static double longitudeSpan(double lon, Box box) {
            double antipode = lon > 0 ? lon - 180 : lon + 180;
            if (antipode >= box.west() && antipode <= box.east()) {
                return 180;
            }
            return Math.max(reduced(box.west() - lon), reduced(box.east() - lon));
        }

        /** A longitude difference folded into 0..180 degrees. */
        private static double reduced(double difference) {
            double d = Math.abs(difference) % 360;
            return d > 180 ? 360 - d : d;
        }

        /** The hit when the office is within the circle (exact distance, edge included); else null. */
        public @Nullable SearchHit hit(Listing listing) {
            double haversine = GeoPoint.haversine(lat1, cosLat1, circle.center.longitude(), listing.location());
            if (haversine > surelyOut) {
                return null;
            }
            SearchHit hit = SearchHit.ofHaversine(listing, haversine);
            return haversine < surelyIn || hit.distanceKm() <= circle.radiusKm ? hit : null;
        }
    }

    /**
     * The latitude/longitude boxes that together hold the whole circle: one box, or two when the
     * circle crosses the antimeridian. A circle reaching a pole spans every longitude.
     */
    public List<Box> boundingBoxes() {
        double angular = Math.toDegrees(radiusKm / GeoPoint.EARTH_RADIUS_KM);
        double south = center.latitude() - angular - MARGIN_DEGREES;
        double north = center.latitude() + angular + MARGIN_DEGREES;
        if (south <= -90 || north >= 90) {
            return List.of(new Box(Math.max(-90, south), Math.min(90, north), -180, 180));
        }
        // The widest longitude span of a spherical cap, reached at latitude asin(sin φ / cos δ).
        double halfWidth = Math.toDegrees(Math.asin(
                Math.sin(radiusKm / GeoPoint.EARTH_RADIUS_KM) / Math.cos(Math.toRadians(center.latitude()))))
                + MARGIN_DEGREES;
        if (Double.isNaN(halfWidth) || halfWidth >= 180) {
            return List.of(new Box(south, north, -180, 180));
        }
        double west = center.longitude() - halfWidth;
        double east = center.longitude() + halfWidth;
        if (west < -180) {
            return List.of(new Box(south, north, west + 360, 180), new Box(south, north, -180, east));
        }
        if (east > 180) {
            return List.of(new Box(south, north, west, 180), new Box(south, north, -180, east - 360));
        }
        return List.of(new Box(south, north, west, east));
    }

    /** A latitude/longitude rectangle, edges included. */
    public record Box(double south, double north, double west, double east) {}
}
