package br.com.healthmed.directory.store;

import br.com.healthmed.directory.DoctorSearchService;
import br.com.healthmed.directory.GeoCircle;
import br.com.healthmed.directory.Geocoder;
import br.com.healthmed.directory.GeoPoint;
import br.com.healthmed.directory.Listing;
import br.com.healthmed.directory.SearchRequest;
import br.com.healthmed.directory.SearchSort;
import br.com.healthmed.demo.DemoDoctors;
import br.com.healthmed.identity.AccountId;
import br.com.healthmed.specialty.SpecialtyCatalog;
import br.com.healthmed.support.Dynalite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Not a test: the DynamoDB half of {@code scripts/benchmark-search}. Loads the demo doctors
 * ({@code -Ddirectory.benchmark.doctors}, 100,000 by default) into dynalite through the production
 * adapter, then runs 10 km searches around random points of São Paulo and records how many items
 * DynamoDB read per search: for the whole circle (totalCount, and every page before pages were read
 * in proportion) and for a first page of 20 in each order. Writes {@code target/benchmark-search-dynamo.txt}.
 * Not matched by the surefire includes: runs only when named ({@code -Dtest=DynamoSearchBenchmark}).
 */
class DynamoSearchBenchmark {

    @Test
    void itemsReadPerSearch() throws Exception {
        int doctors = Integer.getInteger("directory.benchmark.doctors", 100_000);
        int searches = Integer.getInteger("directory.benchmark.searches", 300);
        double radius = Double.parseDouble(System.getProperty("directory.benchmark.radius", "10"));
        DynamoDirectoryStore store = new DynamoDirectoryStore(Dynalite.newTable(), 16, java.time.Clock.systemUTC());

        long loadStart = System.nanoTime();
        DemoDoctors generator = new DemoDoctors(new Random(2026));
        ExecutorService loaders = Executors.newFixedThreadPool(16);
        List<Future<?>> writes = new ArrayList<>();
        for (int i = 0; i < doctors; i++) {
            DemoDoctors.Demo demo = generator.next(i);
            writes.add(loaders.submit(() -> store.save(demo.profile(AccountId.random()))));
        }
        for (Future<?> write : writes) {
            write.get();
        }
        loaders.shutdown();
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;

        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "doctors=%d load_seconds=%.0f radius_km=%s%n", doctors, loadSeconds, radius));
        report.append(measure(store, new Random(7), searches, radius, false));
        report.append(measure(store, new Random(8), Math.max(20, searches / 5), radius, true));
        store.close();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/benchmark-search-dynamo.txt"), report);
        System.out.print(report);
    }

    /**
     * Per search: what reading the whole circle costs (what every search read before pages were read
     * in proportion, and what totalCount still reads), then what the first page of 20 reads in each
     * order through the search service.
     */
    private static String measure(DynamoDirectoryStore store, Random random, int searches, double radius, boolean any) {
        DoctorSearchService service = new DoctorSearchService(store, new SpecialtyCatalog(), Geocoder.NONE);
        List<Long> circleItems = new ArrayList<>();
        Map<SearchSort, List<Long>> pageItems = new EnumMap<>(SearchSort.class);
        Map<SearchSort, List<Long>> pageQueries = new EnumMap<>(SearchSort.class);
        long matches = 0;
        for (int i = 0; i < searches; i++) {
            GeoPoint centre = new GeoPoint(-23.5505 + (random.nextDouble() * 2 - 1) * 0.072,
                    -46.6333 + (random.nextDouble() * 2 - 1) * 0.078);
            String specialty = any ? Listing.ANY_SPECIALTY : DemoDoctors.SPECIALTY_MIX.get(random.nextInt(DemoDoctors.SPECIALTY_MIX.size()));
            long itemsBefore = store.itemsRead();
            matches += store.within(new GeoCircle(centre, radius), specialty).size();
            circleItems.add(store.itemsRead() - itemsBefore);
            for (SearchSort sort : SearchSort.values()) {
                long items = store.itemsRead();
                long queries = store.queriesRun();
                service.search(new SearchRequest(any ? null : specialty, centre.latitude(), centre.longitude(), null, radius,
                        null, null, sort, 20, null));
                pageItems.computeIfAbsent(sort, s -> new ArrayList<>()).add(store.itemsRead() - items);
                pageQueries.computeIfAbsent(sort, s -> new ArrayList<>()).add(store.queriesRun() - queries);
            }
        }
        StringBuilder lines = new StringBuilder();
        for (SearchSort sort : SearchSort.values()) {
            List<Long> items = pageItems.get(sort);
            lines.append(String.format(Locale.ROOT,
                    "specialty=%s sort=%s searches=%d matches_mean=%.0f circle_items_mean=%.0f page_items_mean=%.0f page_items_p50=%d page_items_p95=%d page_items_max=%d page_queries_mean=%.1f%n",
                    any ? "any" : "one", sort, searches, (double) matches / searches, mean(circleItems), mean(items),
                    pct(items, 50), pct(items, 95), Collections.max(items), mean(pageQueries.get(sort))));
        }
        return lines.toString();
    }

    private static double mean(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).average().orElse(0);
    }

    private static long pct(List<Long> values, int percentile) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.max(0, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }
}
