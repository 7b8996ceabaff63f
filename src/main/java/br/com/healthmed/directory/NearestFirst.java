package br.com.healthmed.directory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * A DISTANCE search that reads about as much of the index as the page needs, not the whole circle:
 * geohash cells are read nearest first (by a lower bound of the distance from the centre to the
 * cell), a cell holding many listings is read as its 32 finer cells, and reading stops as soon as the
 * page is full and no unread cell can hold a hit nearer than the page's last. Cells wholly before the
 * cursor's distance are never read. Both adapters answer DISTANCE searches through here and differ
 * only in how they read a cell ({@link CellReader}).
 */
public final class NearestFirst {

    /**
     * The cells a search starts from: geohash-5 cells when a few dozen cover the circle (as in
     * {@link SearchArea}), else precision 4, or coarser when a circle near a pole spans more than this many.
     */
    private static final int MAX_SEEDS = 256;
    private static final double MARGIN = 1e-6;

    private NearestFirst() {}

    private record Cell(String name, double nearest) {}

    /**
     * The query's hits; up to {@code parallelReads} cells are read at a time (a store with network
     * round trips reads several at once, at the price of sometimes reading a cell that turns out not
     * to be needed).
     */
    public static List<SearchHit> search(SearchQuery query, CellReader reader, int parallelReads) {
        if (query.sort() != SearchSort.DISTANCE) {
            throw new IllegalArgumentException("nearest first is the DISTANCE order");
        }
        GeoCircle.Probe probe = query.circle().probe();
        double afterHaversine = query.after().map(SearchHit::haversine).orElse(-1.0);
        PriorityQueue<Cell> frontier = new PriorityQueue<>(Comparator.comparingDouble(Cell::nearest));
        seeds(query.circle()).forEach(cell -> push(frontier, probe, cell, afterHaversine));
        TopHits top = new TopHits(query.limit(), SearchSort.DISTANCE.order());
        // One cell first, then twice as many each round: a dense area fills the page from the first
        // few cells, and a sparse one soon reads parallelReads cells at a time.
        int batchSize = 1;
        while (true) {
            List<String> batch = new ArrayList<>(batchSize);
            while (!frontier.isEmpty() && batch.size() < batchSize && !settled(top, frontier.peek())) {
                batch.add(frontier.poll().name());
            }
            if (batch.isEmpty()) {
                return top.sorted();
            }
            batchSize = Math.min(parallelReads, batchSize * 2);
            for (CellReader.CellRead read : reader.read(batch)) {
                for (Listing listing : read.listings()) {
                    SearchHit hit = probe.hit(listing);
                    if (hit != null && query.accepts(hit)) {
                        top.offer(hit);
                    }
                }
                read.readUpTo().ifPresent(upTo -> pushRest(frontier, probe, read.cell(), upTo, afterHaversine));
            }
        }
    }

    /** The page is full and every point of the cell is clearly farther than its last hit. */
    private static boolean settled(TopHits top, Cell next) {
        return top.isFull() && next.nearest() * (1 - MARGIN) > top.worst().haversine();
    }

    /** The finer cells of a partly read cell that hold listings after {@code upTo} (the one holding {@code upTo} is read again). */
    private static void pushRest(PriorityQueue<Cell> frontier, GeoCircle.Probe probe, String cell, String upTo,
                                 double afterHaversine) {
        if (cell.length() >= Geohash.STORED_PRECISION) {
            throw new IllegalStateException("a cell of the stored precision is read whole");
        }
        for (String child : Geohash.children(cell)) {
            if (child.compareTo(upTo.substring(0, Math.min(upTo.length(), child.length()))) >= 0) {
                push(frontier, probe, child, afterHaversine);
            }
        }
    }

    private static void push(PriorityQueue<Cell> frontier, GeoCircle.Probe probe, String cell, double afterHaversine) {
        GeoCircle.Box box = Geohash.bounds(cell);
        if (probe.missesBox(box)) {
            return;
        }
        if (afterHaversine >= 0 && probe.maxHaversine(box) * (1 + MARGIN) < afterHaversine) {
            return; // every office in it is nearer than the cursor: on earlier pages
        }
        frontier.add(new Cell(cell, probe.minHaversine(box)));
    }

    private static List<String> seeds(GeoCircle circle) {
        List<GeoCircle.Box> boxes = circle.boundingBoxes();
        if (Geohash.countOverlapping(boxes, Geohash.CELL_PRECISION) <= SearchArea.MAX_FINE_CELLS) {
            return List.copyOf(Geohash.cellsOverlapping(boxes, Geohash.CELL_PRECISION));
        }
        int precision = Geohash.PARTITION_PRECISION;
        while (precision > 1 && Geohash.countOverlapping(boxes, precision) > MAX_SEEDS) {
            precision--;
        }
        return List.copyOf(Geohash.cellsOverlapping(boxes, precision));
    }
}
