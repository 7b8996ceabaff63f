package br.com.healthmed.directory.store;

import static br.com.healthmed.directory.DirectoryFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.directory.DirectoryEntry;
import br.com.healthmed.directory.DirectoryStore;
import br.com.healthmed.directory.DoctorProfile;
import br.com.healthmed.directory.GeoCircle;
import br.com.healthmed.directory.GeoPoint;
import br.com.healthmed.directory.Listing;
import br.com.healthmed.directory.ListingFilter;
import br.com.healthmed.directory.Rating;
import br.com.healthmed.directory.SearchHit;
import br.com.healthmed.directory.SearchQuery;
import br.com.healthmed.directory.SearchSort;
import br.com.healthmed.identity.AccountId;
import br.com.healthmed.support.Concurrently;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What every {@link DirectoryStore} promises. */
abstract class DirectoryStoreContract {

    static final GeoPoint PAULISTA = new GeoPoint(-23.5614, -46.6559);

    protected abstract DirectoryStore store();

    @Test
    void aProfileComesBackAsSavedWithEveryField() {
        AccountId id = AccountId.random();
        DoctorProfile profile = new DoctorProfile(id, List.of("CARDIOLOGIA", "PEDIATRIA"), Optional.of(new BigDecimal("349.90")),
                Optional.of("Bio\nem duas linhas"), List.of("pt", "en"), Optional.of("Av. Paulista, 1578"), Optional.of(PAULISTA),
                ZoneId.of("America/Manaus"), Duration.ofMinutes(30), Optional.of("dra@example.com"), true,
                Optional.of("+551133334444"), false);

        store().save(profile);

        assertThat(store().find(id)).contains(new DirectoryEntry(id, Optional.of(profile), Rating.NONE));
    }

    @Test
    void aProfileWithoutOptionalFieldsComesBackAsSavedAndIsNotListed() {
        AccountId id = AccountId.random();
        DoctorProfile profile = br.com.healthmed.directory.DirectoryFixtures.profile(id, List.of("CARDIOLOGIA"),
                Optional.empty(), Optional.empty());

        store().save(profile);

        assertThat(store().find(id).flatMap(DirectoryEntry::profile)).contains(profile);
        assertThat(ids(store().within(new GeoCircle(PAULISTA, 100), "CARDIOLOGIA"))).doesNotContain(id);
    }

    @Test
    void aDoctorIsFoundUnderEachSpecialtyAndUnderAny() {
        AccountId id = AccountId.random();
        store().save(at(id, -23.5600, -46.6500, "CARDIOLOGIA", "PEDIATRIA"));
        GeoCircle circle = new GeoCircle(PAULISTA, 5);

        assertThat(ids(store().within(circle, "CARDIOLOGIA"))).contains(id);
        assertThat(ids(store().within(circle, "PEDIATRIA"))).contains(id);
        assertThat(ids(store().within(circle, Listing.ANY_SPECIALTY))).contains(id);
        assertThat(ids(store().within(circle, "DERMATOLOGIA"))).doesNotContain(id);
    }

    @Test
    void savingAgainMovesTheDoctorAndDropsRemovedSpecialties() {
        AccountId id = AccountId.random();
        store().save(at(id, -23.5600, -46.6500, "CARDIOLOGIA", "PEDIATRIA"));
        store().save(at(id, -22.9068, -43.1729, "PEDIATRIA")); // Rio de Janeiro

        assertThat(ids(store().within(new GeoCircle(PAULISTA, 50), Listing.ANY_SPECIALTY))).doesNotContain(id);
        GeoCircle rio = new GeoCircle(new GeoPoint(-22.9, -43.17), 5);
        assertThat(ids(store().within(rio, "PEDIATRIA"))).contains(id);
        assertThat(ids(store().within(rio, "CARDIOLOGIA"))).doesNotContain(id);
    }

    @Test
    void listingsCarryPriceAndRating() {
        AccountId id = AccountId.random();
        store().save(at(id, -23.5600, -46.6500, "CARDIOLOGIA"));
        store().addRating(id, 5);
        store().addRating(id, 2);

        SearchHit hit = store().within(new GeoCircle(PAULISTA, 5), "CARDIOLOGIA").stream()
                .filter(h -> h.listing().doctorId().equals(id)).findFirst().orElseThrow();
        Listing listing = hit.listing();
        assertThat(hit.distanceKm()).isEqualTo(PAULISTA.distanceKm(listing.location()));

        assertThat(listing.consultationPrice()).contains(new BigDecimal("200.00"));
        assertThat(listing.rating()).isEqualTo(new Rating(2, 7));
        assertThat(listing.location()).isEqualTo(new GeoPoint(-23.5600, -46.6500));
    }

    @Test
    void ratingsAddedBeforeTheProfileExistsAreKeptAndListed() {
        AccountId id = AccountId.random();
        store().addRating(id, 4);
        assertThat(store().find(id)).contains(new DirectoryEntry(id, Optional.empty(), new Rating(1, 4)));

        store().save(at(id, -23.5600, -46.6500, "CARDIOLOGIA"));

        assertThat(store().find(id).map(DirectoryEntry::rating)).contains(new Rating(1, 4));
        assertThat(store().within(new GeoCircle(PAULISTA, 5), "CARDIOLOGIA")).extracting(hit -> hit.listing().rating())
                .contains(new Rating(1, 4));
    }

    @Test
    void aWithdrawnDoctorIsFoundByNoSearchWhateverIsSavedOrRatedUntilListedAgain() {
        AccountId id = AccountId.random();
        GeoCircle circle = new GeoCircle(PAULISTA, 5);
        store().save(at(id, -23.5600, -46.6500, "CARDIOLOGIA"));
        store().setListed(id, false);
        store().setListed(id, false); // idempotent
        assertThat(ids(store().within(circle, "CARDIOLOGIA"))).doesNotContain(id);
        assertThat(ids(store().within(circle, Listing.ANY_SPECIALTY))).doesNotContain(id);

        store().addRating(id, 4);
        store().save(at(id, -23.5601, -46.6501, "CARDIOLOGIA", "PEDIATRIA"));
        assertThat(ids(store().within(circle, "PEDIATRIA"))).doesNotContain(id);
        assertThat(store().find(id).flatMap(DirectoryEntry::profile).orElseThrow().specialties()).containsExactly("CARDIOLOGIA", "PEDIATRIA");

        store().setListed(id, true);
        assertThat(ids(store().within(circle, "PEDIATRIA"))).contains(id);
        assertThat(store().within(circle, "CARDIOLOGIA")).filteredOn(hit -> hit.listing().doctorId().equals(id))
                .extracting(hit -> hit.listing().rating()).containsExactly(new Rating(1, 4));
    }

    @Test
    void savingTheProfileKeepsTheRatings() {
        AccountId id = AccountId.random();
        store().save(at(id, -23.5600, -46.6500, "CARDIOLOGIA"));
        store().addRating(id, 3);
        store().save(at(id, -23.5601, -46.6501, "CARDIOLOGIA", "GERIATRIA"));

        assertThat(store().find(id).map(DirectoryEntry::rating)).contains(new Rating(1, 3));
        assertThat(store().within(new GeoCircle(PAULISTA, 5), "GERIATRIA")).extracting(hit -> hit.listing().rating())
                .containsExactly(new Rating(1, 3));
    }

    @Test
    void concurrentRatingsAreNeverLost() throws InterruptedException {
        AccountId id = AccountId.random();
        store().save(at(id, -23.5600, -46.6500, "CARDIOLOGIA", "PEDIATRIA"));
        int raters = 40;

        List<Object> results = Concurrently.run(raters, i -> () -> {
            store().addRating(id, 1 + i % 5);
            return "ok";
        });

        assertThat(results).containsOnly("ok");
        Rating expected = new Rating(raters, (long) raters / 5 * 15);
        assertThat(store().find(id).map(DirectoryEntry::rating)).contains(expected);
        for (String specialty : List.of("CARDIOLOGIA", "PEDIATRIA", Listing.ANY_SPECIALTY)) {
            assertThat(store().within(new GeoCircle(PAULISTA, 5), specialty)).extracting(hit -> hit.listing().rating())
                    .as("listing under %s", specialty).containsExactly(expected);
        }
    }

    @Test
    void aDoctorMovingDuringSearchesIsNeverFoundTwice() throws Exception {
        AccountId id = AccountId.random();
        store().save(at(id, -23.5600, -46.6500, "CARDIOLOGIA"));
        GeoCircle circle = new GeoCircle(PAULISTA, 20);
        Thread mover = new Thread(() -> {
            for (int i = 0; i < 60; i++) {
                // Two offices in different cells, both within the circle.
                store().save(i % 2 == 0 ? at(id, -23.6200, -46.6500, "CARDIOLOGIA") : at(id, -23.5600, -46.6500, "CARDIOLOGIA"));
            }
        });
        mover.start();
        List<Long> timesFound = new ArrayList<>();
        do {
            timesFound.add(ids(store().within(circle, "CARDIOLOGIA")).stream().filter(id::equals).count());
        } while (mover.isAlive());
        mover.join();

        assertThat(timesFound).allSatisfy(times -> assertThat(times).isLessThanOrEqualTo(1L));
        assertThat(ids(store().within(circle, "CARDIOLOGIA"))).containsOnlyOnce(id);
    }

    /** Saves of the same doctor racing each other: the search lists the doctor as the profile stored last, nothing of the others. */
    @Test
    void concurrentSavesLeaveTheListingsOfTheProfileStoredLast() throws InterruptedException {
        for (int round = 0; round < 8; round++) {
            AccountId id = AccountId.random();
            store().save(at(id, -23.5600, -46.6500, "GERIATRIA"));
            int savers = 6;

            List<Object> results = Concurrently.run(savers, i -> () -> {
                store().save(variant(id, i));
                return "ok";
            });

            assertThat(results).containsOnly("ok");
            assertListingsFollowTheStoredProfile(id);
        }
    }

    /** Each its own office, price and specialties: whichever is stored last, a listing of another shows. */
    private static DoctorProfile variant(AccountId id, int i) {
        List<List<String>> specialties = List.of(List.of("PEDIATRIA"), List.of("DERMATOLOGIA"), List.of("CARDIOLOGIA", "PEDIATRIA"));
        return br.com.healthmed.directory.DirectoryFixtures.profile(id, specialties.get(i % specialties.size()),
                Optional.of(new GeoPoint(-23.5600 - i * 0.01, -46.6500)), Optional.of(new BigDecimal(100 + i)));
    }

    private static final List<String> RACED_SPECIALTIES = List.of("GERIATRIA", "PEDIATRIA", "DERMATOLOGIA", "CARDIOLOGIA",
            Listing.ANY_SPECIALTY);

    /** Under each specialty the races used: listed once, where and at the price the stored profile says, or not at all. */
    void assertListingsFollowTheStoredProfile(AccountId id) {
        DoctorProfile stored = store().find(id).flatMap(DirectoryEntry::profile).orElseThrow();
        GeoCircle wide = new GeoCircle(PAULISTA, 50);
        for (String specialty : RACED_SPECIALTIES) {
            List<Listing> listed = store().within(wide, specialty).stream().map(SearchHit::listing)
                    .filter(listing -> listing.doctorId().equals(id)).toList();
            if (stored.listedUnder().contains(specialty)) {
                assertThat(listed).as("listing under %s of the stored %s", specialty, stored)
                        .extracting(Listing::location, Listing::consultationPrice)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple(stored.officeLocation().orElseThrow(), stored.consultationPrice()));
            } else {
                assertThat(listed).as("listing under %s, which the stored %s does not list", specialty, stored).isEmpty();
            }
        }
    }

    @Test
    void findAllReturnsTheExistingOnes() {
        List<AccountId> saved = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            AccountId id = AccountId.random();
            store().save(at(id, -23.5 - i / 1000.0, -46.6, "CARDIOLOGIA"));
            saved.add(id);
        }
        List<AccountId> asked = new ArrayList<>(saved);
        asked.add(AccountId.random());

        Map<AccountId, DirectoryEntry> found = store().findAll(asked);

        assertThat(found.keySet()).containsExactlyInAnyOrderElementsOf(saved);
    }

    /** Exactly the brute-force answer, for circles of every size, around the antimeridian and a pole too. */
    @Test
    void withinIsExactlyTheOfficesWithinTheDistance() {
        long seed = Long.getLong("directory.seed", System.nanoTime());
        System.out.println(getClass().getSimpleName() + ".withinIsExactlyTheOfficesWithinTheDistance seed=" + seed);
        Random random = new Random(seed);
        // Circles reaching a pole span every longitude and read a thousand partitions: one small one suffices.
        Map<GeoPoint, double[]> radii = Map.of(
                PAULISTA, new double[] {0.5, 5, 10, 25, 60, 100},
                new GeoPoint(-16.5, 179.95), new double[] {0.5, 10, 60, 100},
                new GeoPoint(0, 0), new double[] {5, 30, 100},
                new GeoPoint(89.95, 10), new double[] {0.5, 10});
        List<GeoPoint> centres = List.copyOf(radii.keySet());
        Map<AccountId, GeoPoint> offices = new java.util.HashMap<>();
        String specialty = "NEFROLOGIA";
        for (GeoPoint centre : centres) {
            for (int i = 0; i < 40; i++) {
                GeoPoint office = near(random, centre, 120);
                AccountId id = AccountId.random();
                store().save(at(id, office.latitude(), office.longitude(), specialty));
                offices.put(id, office);
            }
        }
        for (GeoPoint centre : centres) {
            for (double radius : radii.get(centre)) {
                GeoCircle circle = new GeoCircle(centre, radius);
                Set<AccountId> expected = offices.entrySet().stream()
                        .filter(e -> centre.distanceKm(e.getValue()) <= radius)
                        .map(Map.Entry::getKey).collect(Collectors.toSet());
                assertThat(ids(store().within(circle, specialty))).as("seed %d, %s, %s km", seed, centre, radius)
                        .containsExactlyInAnyOrderElementsOf(expected);
                // The same circles through the page reads and the count, which read cells their own way;
                // but not one spanning every longitude: it is a thousand partition queries per sort on dynalite.
                GeoCircle.Box box = circle.boundingBoxes().get(0);
                if (box.east() - box.west() >= 360) {
                    continue;
                }
                assertThat(store().count(circle, specialty, ListingFilter.NONE)).as("count, seed %d, %s, %s km", seed, centre, radius)
                        .isEqualTo(expected.size());
                for (SearchSort sort : SearchSort.values()) {
                    List<SearchHit> page = store().first(new SearchQuery(circle, specialty, ListingFilter.NONE, sort, Optional.empty(), 500));
                    assertThat(ids(page)).as("%s page, seed %d, %s, %s km", sort, seed, centre, radius)
                            .containsExactlyInAnyOrderElementsOf(expected);
                    assertThat(page).as("in %s order", sort).isSortedAccordingTo(sort.order());
                }
            }
        }
    }

    /** A random point up to about {@code km} from the centre (clamped to the globe). */
    static GeoPoint near(Random random, GeoPoint centre, double km) {
        double lat = centre.latitude() + (random.nextDouble() * 2 - 1) * km / 111.2;
        double lon = centre.longitude() + (random.nextDouble() * 2 - 1) * km / (111.2 * Math.max(0.05, Math.cos(Math.toRadians(centre.latitude()))));
        lat = Math.max(-90, Math.min(90, lat));
        lon = ((lon + 540) % 360) - 180;
        return new GeoPoint(lat, lon);
    }

    static List<AccountId> ids(List<SearchHit> hits) {
        return hits.stream().map(hit -> hit.listing().doctorId()).toList();
    }
}
