package br.com.healthmed.directory.store;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.directory.DirectoryFixtures;
import br.com.healthmed.directory.DirectoryStore;
import br.com.healthmed.directory.DoctorProfile;
import br.com.healthmed.directory.DoctorSearchService;
import br.com.healthmed.directory.GeoPoint;
import br.com.healthmed.directory.Geocoder;
import br.com.healthmed.directory.SearchPage;
import br.com.healthmed.directory.SearchRequest;
import br.com.healthmed.directory.SearchSort;
import br.com.healthmed.identity.AccountId;
import br.com.healthmed.specialty.SpecialtyCatalog;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property: for random data sets and random searches, paging through {@code searchDoctors} to the end
 * yields exactly what a brute-force scan of every doctor gives, in the same order, each doctor once.
 * The data sets are built to tie often (shared offices, prices and averages), so the tie-breaks are
 * exercised. The seed is printed; rerun one with {@code -Ddirectory.seed=<seed>}.
 */
abstract class SearchPropertyContract {

    private static final List<String> SPECIALTIES = List.of("CARDIOLOGIA", "PEDIATRIA", "DERMATOLOGIA", "GERIATRIA");
    private static final GeoPoint CITY = new GeoPoint(-23.55, -46.63);
    private static final double[] RADII = {0.3, 1, 3, 10, 25, 60, 100};

    /** A fresh, empty store. */
    protected abstract DirectoryStore newStore();

    protected abstract int dataSets();

    protected abstract int doctorsPerSet();

    protected abstract int searchesPerSet();

    /** A doctor of the data set, as the brute force sees it. */
    record Doctor(AccountId id, List<String> specialties, Optional<GeoPoint> office, Optional<BigDecimal> price,
                  long ratingCount, long ratingSum) {}

    record Found(AccountId id, double distanceKm) {}

    @Test
    void pagingThroughAnySearchGivesExactlyTheBruteForceAnswer() {
        long seed = Long.getLong("directory.seed", System.nanoTime());
        System.out.println(getClass().getSimpleName() + " seed=" + seed);
        Random random = new Random(seed);
        for (int set = 0; set < dataSets(); set++) {
            DirectoryStore store = newStore();
            try {
                List<Doctor> doctors = dataSet(random, store);
                DoctorSearchService search = new DoctorSearchService(store, new SpecialtyCatalog(), Geocoder.NONE);
                for (int q = 0; q < searchesPerSet(); q++) {
                    SearchRequest request = randomSearch(random);
                    List<Found> expected = bruteForce(doctors, request);
                    List<Found> paged = pageThrough(search, request);
                    assertThat(paged).as("seed %d, data set %d, search %s", seed, set, request).isEqualTo(expected);
                }
                // Every data set also gets an any-specialty search in each order, walked in small pages:
                // the searches that stop reading early, so where a wrong stop would skip or repeat a doctor.
                for (SearchSort sort : SearchSort.values()) {
                    SearchRequest random1 = randomSearch(random);
                    SearchRequest request = new SearchRequest(null, random1.latitude(), random1.longitude(), null,
                            random1.radiusKm(), random1.minRating(), random1.maxPrice(), sort, 1 + random.nextInt(4), null);
                    List<Found> expected = bruteForce(doctors, request);
                    List<Found> paged = pageThrough(search, request);
                    assertThat(paged).as("seed %d, data set %d, search %s", seed, set, request).isEqualTo(expected);
                }
            } finally {
                if (store instanceof AutoCloseable closeable) {
                    try {
                        closeable.close();
                    } catch (Exception ignored) {
                        // test clean-up
                    }
                }
            }
        }
    }

    private List<Doctor> dataSet(Random random, DirectoryStore store) {
        // A few shared office points make equal distances; prices and ratings repeat on purpose.
        List<GeoPoint> shared = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            shared.add(DirectoryStoreContract.near(random, CITY, 20));
        }
        List<Doctor> doctors = new ArrayList<>();
        for (int i = 0; i < doctorsPerSet(); i++) {
            AccountId id = AccountId.random();
            List<String> specialties = new ArrayList<>(List.of(SPECIALTIES.get(random.nextInt(SPECIALTIES.size()))));
            if (random.nextInt(3) == 0) {
                String second = SPECIALTIES.get(random.nextInt(SPECIALTIES.size()));
                if (!specialties.contains(second)) {
                    specialties.add(second);
                }
            }
            Optional<GeoPoint> office = random.nextInt(12) == 0 ? Optional.empty()
                    : Optional.of(random.nextInt(4) == 0 ? shared.get(random.nextInt(shared.size()))
                    : DirectoryStoreContract.near(random, CITY, random.nextBoolean() ? 8 : 120));
            Optional<BigDecimal> price = random.nextInt(8) == 0 ? Optional.empty()
                    : Optional.of(BigDecimal.valueOf(100 + 50L * random.nextInt(6)).setScale(2));
            DoctorProfile profile = DirectoryFixtures.profile(id, specialties, office, price);
            store.save(profile);
            int ratings = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(4);
            int stars = 1 + random.nextInt(5);
            long sum = 0;
            for (int r = 0; r < ratings; r++) {
                int given = random.nextBoolean() ? stars : 1 + random.nextInt(5);
                store.addRating(id, given);
                sum += given;
            }
            doctors.add(new Doctor(id, List.copyOf(specialties), office, price, ratings, sum));
        }
        return doctors;
    }

    private static SearchRequest randomSearch(Random random) {
        GeoPoint centre = DirectoryStoreContract.near(random, CITY, 15);
        String specialty = random.nextInt(4) == 0 ? null : SPECIALTIES.get(random.nextInt(SPECIALTIES.size()));
        Double minRating = random.nextInt(3) == 0 ? (2 + random.nextInt(9)) / 2.0 : null;
        BigDecimal maxPrice = random.nextInt(3) == 0 ? BigDecimal.valueOf(100 + 50L * random.nextInt(6)) : null;
        SearchSort sort = SearchSort.values()[random.nextInt(SearchSort.values().length)];
        return new SearchRequest(specialty, centre.latitude(), centre.longitude(), null, RADII[random.nextInt(RADII.length)],
                minRating, maxPrice, sort, 1 + random.nextInt(7), null);
    }

    private static List<Found> pageThrough(DoctorSearchService search, SearchRequest request) {
        List<Found> found = new ArrayList<>();
        String after = null;
        for (int pages = 0; pages < 10_000; pages++) {
            SearchRequest page = new SearchRequest(request.specialty(), request.latitude(), request.longitude(), null,
                    request.radiusKm(), request.minRating(), request.maxPrice(), request.sort(), request.first(), after);
            SearchPage result = search.search(page);
            assertThat(result.entries().size()).isLessThanOrEqualTo(request.first());
            result.entries().forEach(entry -> found.add(new Found(entry.hit().listing().doctorId(), entry.hit().distanceKm())));
            if (!result.hasNextPage()) {
                assertThat(result.totalCount()).isEqualTo(found.size());
                return found;
            }
            assertThat(result.entries()).hasSize(request.first());
            after = result.entries().get(result.entries().size() - 1).cursor();
        }
        throw new AssertionError("paging did not end");
    }

    /** Every doctor checked one by one, sorted by the documented order; written independently of the service. */
    private static List<Found> bruteForce(List<Doctor> doctors, SearchRequest request) {
        GeoPoint centre = new GeoPoint(request.latitude(), request.longitude());
        Comparator<Doctor> byDistance = Comparator.comparingDouble(d -> centre.distanceKm(d.office().orElseThrow()));
        Comparator<Doctor> order = switch (request.sort()) {
            case DISTANCE -> byDistance;
            case RATING -> Comparator.<Doctor, Boolean>comparing(d -> d.ratingCount() == 0)
                    .thenComparing((a, b) -> a.ratingCount() == 0 ? 0
                            : new BigDecimal(b.ratingSum()).multiply(new BigDecimal(a.ratingCount()))
                            .compareTo(new BigDecimal(a.ratingSum()).multiply(new BigDecimal(b.ratingCount()))))
                    .thenComparing(Doctor::ratingCount, Comparator.reverseOrder())
                    .thenComparing(byDistance);
            case PRICE -> Comparator.<Doctor, Boolean>comparing(d -> d.price().isEmpty())
                    .thenComparing(d -> d.price().orElse(BigDecimal.ZERO))
                    .thenComparing(byDistance);
        };
        return doctors.stream()
                .filter(d -> d.office().isPresent())
                .filter(d -> request.specialty() == null || d.specialties().contains(request.specialty()))
                .filter(d -> centre.distanceKm(d.office().get()) <= request.radiusKm())
                .filter(d -> request.minRating() == null || (d.ratingCount() > 0
                        && new BigDecimal(d.ratingSum()).compareTo(BigDecimal.valueOf(request.minRating())
                        .multiply(new BigDecimal(d.ratingCount()))) >= 0))
                .filter(d -> request.maxPrice() == null || d.price().filter(p -> p.compareTo(request.maxPrice()) <= 0).isPresent())
                .sorted(order.thenComparing(d -> d.id().value()))
                .map(d -> new Found(d.id(), centre.distanceKm(d.office().get())))
                .toList();
    }
}
