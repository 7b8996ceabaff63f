package br.com.healthmed.directory.store;

import br.com.healthmed.directory.GeoCircle;
import br.com.healthmed.directory.GeoPoint;
import br.com.healthmed.directory.Listing;
import br.com.healthmed.directory.demo.DemoDoctors;
import br.com.healthmed.identity.AccountId;
import br.com.healthmed.support.Dynalite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Not a test: the DynamoDB half of {@code scripts/benchmark-search}. Loads the demo doctors
 * ({@code -Ddirectory.benchmark.doctors}, 100,000 by default) into dynalite through the production
 * adapter, then runs 10 km searches around random points of São Paulo and records how many items
 * DynamoDB read and how many queries it took per search. Writes {@code target/benchmark-search-dynamo.txt}.
 * Not matched by the surefire includes: runs only when named ({@code -Dtest=DynamoSearchBenchmark}).
 */
class DynamoSearchBenchmark {

    @Test
    void itemsReadPerSearch() throws Exception {
        int doctors = Integer.getInteger("directory.benchmark.doctors", 100_000);
        int searches = Integer.getInteger("directory.benchmark.searches", 300);
        double radius = Double.parseDouble(System.getProperty("directory.benchmark.radius", "10"));
        DynamoDirectoryStore store = new DynamoDirectoryStore(Dynalite.newTable(), 16);

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

    private static String measure(DynamoDirectoryStore store, Random random, int searches, double radius, boolean any)
            throws IOException {
        List<Long> items = new ArrayList<>();
        List<Long> queries = new ArrayList<>();
        List<Long> millis = new ArrayList<>();
        long matches = 0;
        for (int i = 0; i < searches; i++) {
            GeoPoint centre = new GeoPoint(-23.5505 + (random.nextDouble() * 2 - 1) * 0.072,
                    -46.6333 + (random.nextDouble() * 2 - 1) * 0.078);
            String specialty = any ? Listing.ANY_SPECIALTY : DemoDoctors.SPECIALTY_MIX.get(random.nextInt(DemoDoctors.SPECIALTY_MIX.size()));
            long itemsBefore = store.itemsRead();
            long queriesBefore = store.queriesRun();
            long started = System.nanoTime();
            matches += store.within(new GeoCircle(centre, radius), specialty).size();
            millis.add((System.nanoTime() - started) / 1_000_000);
            items.add(store.itemsRead() - itemsBefore);
            queries.add(store.queriesRun() - queriesBefore);
        }
        return String.format(Locale.ROOT,
                "specialty=%s searches=%d matches_mean=%.0f items_read_mean=%.0f items_read_p50=%d items_read_p95=%d items_read_max=%d queries_mean=%.1f queries_max=%d dynalite_ms_p50=%d dynalite_ms_p95=%d%n",
                any ? "any" : "one", searches, (double) matches / searches, mean(items), pct(items, 50), pct(items, 95),
                Collections.max(items), mean(queries), Collections.max(queries), pct(millis, 50), pct(millis, 95));
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
