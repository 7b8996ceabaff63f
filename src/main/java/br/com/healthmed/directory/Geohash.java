package br.com.healthmed.directory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Geohash cells: a precision-{@code p} cell is a rectangle of the longitude/latitude grid with
 * {@code ceil(5p/2)} longitude bits and {@code floor(5p/2)} latitude bits, named by the bits
 * interleaved (longitude first) in base 32. A point's cell at a lower precision is a prefix of its
 * cell at a higher one, so one stored geohash serves every precision.
 *
 * <p>Cell indices come from one monotonic formula used both for storing points and for covering
 * search areas: a point inside a box always lies in a cell of the box's index range.
 */
public final class Geohash {

    /** Precision stored with each office: cells of about 5 m. */
    public static final int STORED_PRECISION = 9;
    /** Precision of the index partitions: cells of about 39 × 20 km. */
    public static final int PARTITION_PRECISION = 4;
    /** Precision of the cells a small search reads: about 4.9 × 4.9 km. */
    public static final int CELL_PRECISION = 5;

    private static final char[] BASE32 = "0123456789bcdefghjkmnpqrstuvwxyz".toCharArray();
    private static final int[] DECODE = new int[128];
    static final double BOUNDS_MARGIN_DEGREES = 1e-9;

    static {
        java.util.Arrays.fill(DECODE, -1);
        for (int i = 0; i < BASE32.length; i++) {
            DECODE[BASE32[i]] = i;
        }
    }

    private Geohash() {}

    public static String encode(GeoPoint point, int precision) {
        int bits = 5 * precision;
        return name(index(point.latitude() + 90, 180, latitudeBits(bits)),
                index(point.longitude() + 180, 360, longitudeBits(bits)), precision);
    }

    /** The names of every precision-{@code p} cell that overlaps the box. */
    public static List<String> cellsOverlapping(GeoCircle.Box box, int precision) {
        int bits = 5 * precision;
        int latBits = latitudeBits(bits);
        int lonBits = longitudeBits(bits);
        long south = index(box.south() + 90, 180, latBits);
        long north = index(box.north() + 90, 180, latBits);
        long west = index(box.west() + 180, 360, lonBits);
        long east = index(box.east() + 180, 360, lonBits);
        List<String> cells = new ArrayList<>();
        for (long lat = south; lat <= north; lat++) {
            for (long lon = west; lon <= east; lon++) {
                cells.add(name(lat, lon, precision));
            }
        }
        return cells;
    }

    /** How many precision-{@code p} cells overlap the boxes, without naming them. */
    public static long countOverlapping(List<GeoCircle.Box> boxes, int precision) {
        int bits = 5 * precision;
        long count = 0;
        for (GeoCircle.Box box : boxes) {
            long rows = index(box.north() + 90, 180, latitudeBits(bits)) - index(box.south() + 90, 180, latitudeBits(bits)) + 1;
            long cols = index(box.east() + 180, 360, longitudeBits(bits)) - index(box.west() + 180, 360, longitudeBits(bits)) + 1;
            count += rows * cols;
        }
        return count;
    }

    /** The cells of several boxes, each once. */
    public static Set<String> cellsOverlapping(List<GeoCircle.Box> boxes, int precision) {
        Set<String> cells = new LinkedHashSet<>();
        boxes.forEach(box -> cells.addAll(cellsOverlapping(box, precision)));
        return cells;
    }

    /**
     * The rectangle of {@code cell}, widened by a hair ({@value #BOUNDS_MARGIN_DEGREES} degrees) so that
     * every point {@link #encode} puts in the cell lies inside it despite rounding.
     */
    public static GeoCircle.Box bounds(String cell) {
        int bits = 5 * cell.length();
        long lat = 0;
        long lon = 0;
        for (int i = 0; i < bits; i++) {
            int value = DECODE[cell.charAt(i / 5)];
            if (value < 0) {
                throw new IllegalArgumentException("not a geohash: " + cell);
            }
            int bit = (value >> (4 - i % 5)) & 1;
            if (i % 2 == 0) {
                lon = (lon << 1) | bit;
            } else {
                lat = (lat << 1) | bit;
            }
        }
        double latSize = 180.0 / (1L << latitudeBits(bits));
        double lonSize = 360.0 / (1L << longitudeBits(bits));
        return new GeoCircle.Box(Math.max(-90, lat * latSize - 90 - BOUNDS_MARGIN_DEGREES),
                Math.min(90, (lat + 1) * latSize - 90 + BOUNDS_MARGIN_DEGREES),
                Math.max(-180, lon * lonSize - 180 - BOUNDS_MARGIN_DEGREES),
                Math.min(180, (lon + 1) * lonSize - 180 + BOUNDS_MARGIN_DEGREES));
    }

    /** The 32 cells one precision finer inside {@code cell}. */
    public static List<String> children(String cell) {
        List<String> children = new ArrayList<>(BASE32.length);
        for (char c : BASE32) {
            children.add(cell + c);
        }
        return children;
    }

    private static int latitudeBits(int bits) {
        return bits / 2;
    }

    private static int longitudeBits(int bits) {
        return (bits + 1) / 2;
    }

    /** {@code floor(offset / span × 2^bits)}, the last cell holding the upper edge. */
    private static long index(double offset, double span, int bits) {
        long cells = 1L << bits;
        long index = (long) Math.floor(offset / span * cells);
        return Math.max(0, Math.min(cells - 1, index));
    }

    private static String name(long latIndex, long lonIndex, int precision) {
        int bits = 5 * precision;
        int lonBit = longitudeBits(bits) - 1;
        int latBit = latitudeBits(bits) - 1;
        char[] name = new char[precision];
        int value = 0;
        for (int i = 0; i < bits; i++) {
            int bit = i % 2 == 0 ? (int) (lonIndex >> lonBit--) & 1 : (int) (latIndex >> latBit--) & 1;
            value = (value << 1) | bit;
            if (i % 5 == 4) {
                name[i / 5] = BASE32[value];
                value = 0;
            }
        }
        return new String(name);
    }
}
