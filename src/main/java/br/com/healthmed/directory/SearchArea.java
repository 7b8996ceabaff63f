package br.com.healthmed.directory;

import java.util.List;
import java.util.Optional;

/**
 * Which index ranges a search reads: the geohash cells overlapping the circle's bounding box. Small
 * circles read precision-5 cells (a key prefix inside a partition); when that would take more than
 * {@link #MAX_FINE_CELLS} reads, whole precision-4 partitions are read instead. Both adapters read
 * these ranges and then keep only the offices within the exact distance.
 */
public final class SearchArea {

    static final int MAX_FINE_CELLS = 64;

    private SearchArea() {}

    /**
     * One range of the index: a partition (precision-4 cell) and, optionally, the precision-5 cell
     * inside it that is all the search needs.
     */
    public record Range(String partitionCell, Optional<String> cell) {

        /** The geohash prefix every office in this range has. */
        public String prefix() {
            return cell.orElse(partitionCell);
        }
    }

    public static List<Range> ranges(GeoCircle circle) {
        List<GeoCircle.Box> boxes = circle.boundingBoxes();
        if (Geohash.countOverlapping(boxes, Geohash.CELL_PRECISION) <= MAX_FINE_CELLS) {
            return Geohash.cellsOverlapping(boxes, Geohash.CELL_PRECISION).stream()
                    .map(cell -> new Range(cell.substring(0, Geohash.PARTITION_PRECISION), Optional.of(cell)))
                    .toList();
        }
        return Geohash.cellsOverlapping(boxes, Geohash.PARTITION_PRECISION).stream()
                .map(cell -> new Range(cell, Optional.<String>empty()))
                .toList();
    }
}
