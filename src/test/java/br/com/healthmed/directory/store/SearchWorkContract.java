package br.com.healthmed.directory.store;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.directory.DirectoryFixtures;
import br.com.healthmed.directory.DirectoryStore;
import br.com.healthmed.directory.DoctorSearchService;
import br.com.healthmed.directory.GeoCircle;
import br.com.healthmed.directory.GeoPoint;
import br.com.healthmed.directory.Geocoder;
import br.com.healthmed.directory.Listing;
import br.com.healthmed.directory.SearchPage;
import br.com.healthmed.directory.SearchRequest;
import br.com.healthmed.directory.SearchSort;
import br.com.healthmed.identity.AccountId;
import br.com.healthmed.specialty.SpecialtyCatalog;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A page of an any-specialty search in a dense area reads a small part of the circle, counted in
 * listings the store read (work done, not time): the circle holds {@link #doctors()} offices, a page
 * twenty. Before nearest-first and merged reads, every page read every office of the circle.
 */
abstract class SearchWorkContract {

    private static final GeoPoint CITY = new GeoPoint(-23.55, -46.63);
    private static final List<String> SPECIALTIES = List.of("CARDIOLOGIA", "PEDIATRIA", "DERMATOLOGIA", "GERIATRIA");

    protected abstract DirectoryStore newStore();

    /** Listings (items) the store has read for searches so far. */
    protected abstract long itemsRead(DirectoryStore store);

    protected abstract int doctors();

    /** The sorts whose pages this adapter reads in proportion to the page. */
    protected abstract Set<SearchSort> sortsReadingLess();

    @Test
    void aPageOfAnySpecialtyReadsASmallPartOfTheCircle() throws Exception {
        DirectoryStore store = newStore();
        try {
            Random random = new Random(20261202);
            for (int i = 0; i < doctors(); i++) {
                AccountId id = AccountId.random();
                GeoPoint office = DirectoryStoreContract.near(random, CITY, 4);
                store.save(DirectoryFixtures.profile(id, List.of(SPECIALTIES.get(random.nextInt(SPECIALTIES.size()))),
                        Optional.of(office), Optional.of(BigDecimal.valueOf(150 + 10L * random.nextInt(46)).setScale(2))));
                for (int r = random.nextInt(3); r > 0; r--) {
                    store.addRating(id, 1 + random.nextInt(5));
                }
            }
            int inCircle = store.within(new GeoCircle(CITY, 10), Listing.ANY_SPECIALTY).size();
            assertThat(inCircle).isEqualTo(doctors());
            DoctorSearchService search = new DoctorSearchService(store, new SpecialtyCatalog(), Geocoder.NONE);
            for (SearchSort sort : sortsReadingLess()) {
                long before = itemsRead(store);
                SearchPage page = search.search(new SearchRequest(null, -23.551, -46.631, null, 10.0, null, null, sort, 20, null));
                long read = itemsRead(store) - before;
                System.out.printf("%s %s: %d of %d listings read for a page of 20%n", getClass().getSimpleName(), sort, read, inCircle);
                assertThat(page.entries()).hasSize(20);
                assertThat(read).as("%s: listings read for a page of 20, of %d in the circle", sort, inCircle)
                        .isLessThan(inCircle / 4);
            }
        } finally {
            if (store instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }
}
