package br.com.healthmed.directory;

import java.util.List;
import java.util.Optional;

/**
 * How {@link NearestFirst} reads a store's index: the listings of the searched specialty whose
 * office is in a geohash cell. A store may read only the first part of a cell that holds many
 * listings (or none of a cell coarser than its index), and say so; the search then reads the rest of
 * the cell as its finer cells, nearest first.
 */
public interface CellReader {

    /** Reads each cell; the answers in any order. */
    List<CellRead> read(List<String> cells);

    /**
     * What was read of a cell: listings in geohash order, and, when the cell holds more, the stored
     * geohash (or, having read nothing, the cell's own name) up to which its listings were returned.
     */
    record CellRead(String cell, List<Listing> listings, Optional<String> readUpTo) {

        public static CellRead whole(String cell, List<Listing> listings) {
            return new CellRead(cell, listings, Optional.empty());
        }

        public static CellRead nothingYet(String cell) {
            return new CellRead(cell, List.of(), Optional.of(cell));
        }
    }
}
