// Load driver for searchDoctors (run with `java SearchLoad.java`, no build needed).
// Sends requests at a fixed rate whatever the responses do, and measures each latency from the
// instant the request was due, so a stalled server shows up in the percentiles (no coordinated
// omission). The warm-up is closed-loop (a few requests in flight at a time), so the JIT compiles
// the hot paths without a queue building up that the measured phase would inherit; its throughput
// is reported as the closed-loop capacity. At most MAX_IN_FLIGHT requests are outstanding; a request
// due beyond that is counted as dropped (an error). Prints one RESULT line for scripts/benchmark-search.
//   java SearchLoad.java <graphql-url> <rate/s> <warmup-s> <duration-s> <radius-km> <any-specialty-share 0..1> [typename]
// With "typename" it sends `{ __typename }` instead of searches: the ceiling of the stack, measured with
// the same driver. The environment variable TOKEN, when set, goes with every request as a bearer token.
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

public class SearchLoad {

    // The demo data's specialties, as often as they occur there (DemoDoctors.SPECIALTY_MIX; this file runs alone).
    static final String[] SPECIALTIES = {
            "CLINICA_MEDICA", "CLINICA_MEDICA", "CLINICA_MEDICA", "PEDIATRIA", "PEDIATRIA", "GINECOLOGIA_OBSTETRICIA",
            "GINECOLOGIA_OBSTETRICIA", "CARDIOLOGIA", "CARDIOLOGIA", "DERMATOLOGIA", "PSIQUIATRIA", "ORTOPEDIA_TRAUMATOLOGIA",
            "OFTALMOLOGIA", "MEDICINA_FAMILIA_COMUNIDADE", "ENDOCRINOLOGIA_METABOLOGIA", "NEUROLOGIA", "OTORRINOLARINGOLOGIA",
            "GASTROENTEROLOGIA", "UROLOGIA", "PNEUMOLOGIA", "REUMATOLOGIA", "GERIATRIA", "NEFROLOGIA", "INFECTOLOGIA",
            "ALERGIA_IMUNOLOGIA", "HEMATOLOGIA_HEMOTERAPIA", "ONCOLOGIA_CLINICA", "MASTOLOGIA", "NUTROLOGIA", "ACUPUNTURA"};
    static final int WARMUP_CONCURRENCY = 8;
    static final int MAX_IN_FLIGHT = 2000;
    static final String[] SORTS = {"DISTANCE", "RATING", "PRICE"};
    static final String QUERY = "query($f: DoctorSearchFilter!, $s: DoctorSearchSort) { searchDoctors(filter: $f, sort: $s, first: 20) "
            + "{ totalCount pageInfo { hasNextPage endCursor } edges { cursor distanceKm consultationPrice { amount currency } rating { average count } "
            + "nextAvailableSlot { slotId start } node { id name crm specialties { code name } } } } }";

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        int rate = Integer.parseInt(args[1]);
        int warmup = Integer.parseInt(args[2]);
        int duration = Integer.parseInt(args[3]);
        double radius = Double.parseDouble(args[4]);
        double anyShare = Double.parseDouble(args[5]);
        boolean typename = args.length > 6 && "typename".equals(args[6]);
        String token = System.getenv("TOKEN");

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(4)).connectTimeout(Duration.ofSeconds(5)).build();
        Random random = new Random(42);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        AtomicLong hits = new AtomicLong();
        AtomicLong measured = new AtomicLong();
        AtomicLong inFlight = new AtomicLong();

        // Closed-loop warm-up: WARMUP_CONCURRENCY requests in flight, each sent when the previous returned.
        AtomicLong warmed = new AtomicLong();
        long warmupEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmup);
        List<Thread> warmers = new ArrayList<>();
        for (int w = 0; w < WARMUP_CONCURRENCY; w++) {
            Random own = new Random(w);
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < warmupEnd) {
                    try {
                        HttpRequest request = request(url, token, typename ? TYPENAME : body(own, radius, anyShare));
                        if (client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                            warmed.incrementAndGet();
                        }
                    } catch (Exception e) {
                        // counted as not warmed
                    }
                }
            });
            thread.start();
            warmers.add(thread);
        }
        for (Thread thread : warmers) {
            thread.join();
        }
        double capacity = warmed.get() / (double) warmup;

        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime() + 100_000_000L;
        long end = start + TimeUnit.SECONDS.toNanos(duration);
        long sent = 0;
        long dropped = 0;
        for (long due = start; due < end; due += intervalNanos) {
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (inFlight.get() >= MAX_IN_FLIGHT) {
                dropped++;
                continue;
            }
            boolean measure = true;
            HttpRequest request = request(url, token, typename ? TYPENAME : body(random, radius, anyShare));
            long dueAt = due;
            inFlight.incrementAndGet();
            client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                long latency = System.nanoTime() - dueAt;
                inFlight.decrementAndGet();
                if (!measure) {
                    return;
                }
                measured.incrementAndGet();
                latencies.add(latency);
                if (failure != null || response.statusCode() != 200 || response.body().contains("\"errors\"")) {
                    errors.incrementAndGet();
                } else {
                    int at = response.body().indexOf("\"totalCount\":");
                    if (at >= 0) {
                        int from = at + "\"totalCount\":".length();
                        int to = from;
                        while (to < response.body().length() && Character.isDigit(response.body().charAt(to))) {
                            to++;
                        }
                        hits.addAndGet(Long.parseLong(response.body().substring(from, to)));
                    }
                }
            });
            sent++;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(10_000_000L);
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        double seconds = duration;
        System.out.printf(Locale.ROOT, "RESULT warmup_capacity_rps=%.1f sent=%d measured=%d rps=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d dropped=%d unanswered=%d mean_matches=%s%n",
                capacity, sent, sorted.size(), sorted.size() / seconds, pct(sorted, 50), pct(sorted, 95), pct(sorted, 99),
                sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6, errors.get() + dropped, dropped, inFlight.get(),
                typename ? "–" : String.format(Locale.ROOT, "%.0f", sorted.isEmpty() ? 0 : (double) hits.get() / Math.max(1, sorted.size() - errors.get())));
        System.exit(0);
    }

    static final String TYPENAME = "{\"query\":\"{ __typename }\"}";

    static HttpRequest request(URI url, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json");
        if (token != null && !token.isEmpty()) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** A search 10 km around a random point of dense São Paulo (within about 8 km of the centre). */
    static String body(Random random, double radius, double anyShare) {
        double lat = -23.5505 + (random.nextDouble() * 2 - 1) * 0.072;
        double lon = -46.6333 + (random.nextDouble() * 2 - 1) * 0.078;
        String specialty = random.nextDouble() < anyShare ? "" : "\"specialty\":\"" + SPECIALTIES[random.nextInt(SPECIALTIES.length)] + "\",";
        return String.format(Locale.ROOT,
                "{\"query\":\"%s\",\"variables\":{\"f\":{%s\"near\":{\"latitude\":%.6f,\"longitude\":%.6f},\"radiusKm\":%s},\"s\":\"%s\"}}",
                QUERY.replace("\"", "\\\""), specialty, lat, lon, radius, SORTS[random.nextInt(SORTS.length)]);
    }

    static double pct(List<Long> sorted, int percentile) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
    }
}
