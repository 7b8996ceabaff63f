package br.com.healthmed.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The index ranges a search reads hold every point of its circle, anywhere on the globe. */
class SearchAreaTest {

    @Test
    void everyPointWithinTheCircleLiesInARangeTheSearchReads() {
        long seed = Long.getLong("directory.seed", System.nanoTime());
        System.out.println("SearchAreaTest seed=" + seed);
        Random random = new Random(seed);
        for (int circle = 0; circle < 400; circle++) {
            GeoPoint centre = circle % 10 == 0
                    ? new GeoPoint(random.nextBoolean() ? 89.9 : -89.9, random.nextDouble() * 360 - 180) // near a pole
                    : circle % 10 == 1
                    ? new GeoPoint(random.nextDouble() * 120 - 60, random.nextBoolean() ? 179.99 : -179.99) // antimeridian
                    : new GeoPoint(random.nextDouble() * 140 - 70, random.nextDouble() * 360 - 180);
            double radius = circle % 10 == 0 ? 0.5 + random.nextDouble() * 5 : 0.01 + random.nextDouble() * 100;
            GeoCircle area = new GeoCircle(centre, radius);
            List<String> prefixes = SearchArea.ranges(area).stream().map(SearchArea.Range::prefix).toList();
            for (int p = 0; p < 200; p++) {
                // A random bearing, at a random distance up to the radius; every tenth exactly on the edge.
                double distance = p % 10 == 0 ? radius : radius * Math.sqrt(random.nextDouble());
                GeoPoint point = destination(centre, random.nextDouble() * 360, distance);
                if (!area.contains(point)) {
                    continue; // rounding put it a hair outside: the search need not find it
                }
                String hash = Geohash.encode(point, Geohash.STORED_PRECISION);
                assertThat(prefixes.stream().anyMatch(hash::startsWith))
                        .as("seed %d: %s within %s km of %s", seed, point, radius, centre).isTrue();
            }
        }
    }

    @Test
    void smallCirclesReadFineCellsAndLargeOnesWholePartitions() {
        GeoPoint paulista = new GeoPoint(-23.5614, -46.6559);

        List<SearchArea.Range> ten = SearchArea.ranges(new GeoCircle(paulista, 10));
        List<SearchArea.Range> hundred = SearchArea.ranges(new GeoCircle(paulista, 100));

        assertThat(ten).allSatisfy(range -> assertThat(range.cell()).isPresent()).hasSizeBetween(16, 64);
        assertThat(hundred).allSatisfy(range -> assertThat(range.cell()).isEmpty()).hasSizeLessThan(120);
    }

    @Test
    void geohashesMatchTheStandardAlphabetAndPrefixes() {
        // Well-known value: the geohash of (57.64911, 10.40744) is u4pruydqqvj.
        assertThat(Geohash.encode(new GeoPoint(57.64911, 10.40744), 9)).isEqualTo("u4pruydqq");
        assertThat(Geohash.encode(new GeoPoint(57.64911, 10.40744), 5)).isEqualTo("u4pru");
    }

    /** The point {@code km} away from {@code start} along the initial {@code bearing} (degrees), on the same sphere. */
    static GeoPoint destination(GeoPoint start, double bearing, double km) {
        double delta = km / GeoPoint.EARTH_RADIUS_KM;
        double theta = Math.toRadians(bearing);
        double phi1 = Math.toRadians(start.latitude());
        double lambda1 = Math.toRadians(start.longitude());
        double phi2 = Math.asin(Math.sin(phi1) * Math.cos(delta) + Math.cos(phi1) * Math.sin(delta) * Math.cos(theta));
        double lambda2 = lambda1 + Math.atan2(Math.sin(theta) * Math.sin(delta) * Math.cos(phi1),
                Math.cos(delta) - Math.sin(phi1) * Math.sin(phi2));
        double longitude = ((Math.toDegrees(lambda2) + 540) % 360) - 180;
        return new GeoPoint(Math.max(-90, Math.min(90, Math.toDegrees(phi2))), Math.max(-180, Math.min(180, longitude)));
    }
}
