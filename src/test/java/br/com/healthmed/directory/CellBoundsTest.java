package br.com.healthmed.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The geometry nearest-first reading and counting rely on: a geohash cell's bounds hold every point
 * encoded into it, and the haversine from a centre to any point of a box lies between the probe's
 * lower and upper bounds, anywhere on the globe (poles and antimeridian included).
 */
class CellBoundsTest {

    @Test
    void aCellsBoundsHoldEveryPointEncodedIntoIt() {
        long seed = seed("cells");
        Random random = new Random(seed);
        for (int i = 0; i < 20_000; i++) {
            GeoPoint point = randomPoint(random);
            int precision = 1 + random.nextInt(Geohash.STORED_PRECISION);
            GeoCircle.Box box = Geohash.bounds(Geohash.encode(point, precision));
            assertThat(point.latitude()).as("seed %d, %s at %d", seed, point, precision).isBetween(box.south(), box.north());
            assertThat(point.longitude()).as("seed %d, %s at %d", seed, point, precision).isBetween(box.west(), box.east());
        }
    }

    @Test
    void theHaversineToAnyPointOfACellLiesWithinTheProbesBounds() {
        long seed = seed("haversine");
        Random random = new Random(seed);
        for (int i = 0; i < 4_000; i++) {
            GeoPoint centre = randomPoint(random);
            GeoCircle.Probe probe = new GeoCircle(centre, 10).probe();
            // A cell near the centre (most searches) or anywhere, at a random precision.
            GeoPoint anchor = random.nextBoolean() ? centre
                    : random.nextBoolean() ? randomPoint(random)
                    : new GeoPoint(Math.max(-90, Math.min(90, centre.latitude() + random.nextGaussian())),
                    ((centre.longitude() + random.nextGaussian() + 540) % 360) - 180);
            GeoCircle.Box box = Geohash.bounds(Geohash.encode(anchor, 1 + random.nextInt(7)));
            double lower = probe.minHaversine(box);
            double upper = probe.maxHaversine(box);
            for (int p = 0; p < 20; p++) {
                GeoPoint inside = new GeoPoint(box.south() + random.nextDouble() * (box.north() - box.south()),
                        box.west() + random.nextDouble() * (box.east() - box.west()));
                double lat = Math.toRadians(centre.latitude());
                double haversine = GeoPoint.haversine(lat, Math.cos(lat), centre.longitude(), inside);
                assertThat(haversine).as("seed %d: %s from %s in %s", seed, inside, centre, box)
                        .isBetween(lower * (1 - 1e-9) - 1e-15, upper * (1 + 1e-9) + 1e-15);
            }
        }
    }

    /** {@code -Ddirectory.seed} or a fresh one, printed so that a failure can be replayed. */
    private static long seed(String test) {
        long seed = Long.getLong("directory.seed", System.nanoTime());
        System.out.println("CellBoundsTest " + test + " seed=" + seed);
        return seed;
    }

    private static GeoPoint randomPoint(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> new GeoPoint(random.nextBoolean() ? 89 + random.nextDouble() : -89 - random.nextDouble(),
                    random.nextDouble() * 360 - 180);
            case 1 -> new GeoPoint(random.nextDouble() * 160 - 80, random.nextBoolean() ? 179.9 + random.nextDouble() * 0.1
                    : -180 + random.nextDouble() * 0.1);
            default -> new GeoPoint(random.nextDouble() * 180 - 90, random.nextDouble() * 360 - 180);
        };
    }
}
