package br.com.healthmed.directory.store;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.directory.DirectoryFixtures;
import br.com.healthmed.directory.GeoCircle;
import br.com.healthmed.directory.GeoPoint;
import br.com.healthmed.directory.ListingFilter;
import br.com.healthmed.identity.AccountId;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@code totalCount} in memory tests only the geohash-6 cells on the circle's edge that hold listings
 * (worked out once per sorted bucket), not all 32 of every edge cell as before: a sparse specialty's
 * count tests fewer boxes than it has offices. Counted, not timed; the counts stay those of brute force.
 */
class InMemoryCountWorkTest {

    private static final GeoPoint CITY = new GeoPoint(-23.55, -46.63);

    @Test
    void aSparseSpecialtyTestsOnlyTheFinerCellsThatHoldItsOffices() {
        InMemoryDirectoryStore store = new InMemoryDirectoryStore();
        Random random = new Random(20261203);
        for (int i = 0; i < 4_000; i++) {
            String specialty = i % 40 == 0 ? "GERIATRIA" : "CARDIOLOGIA";
            store.save(DirectoryFixtures.profile(AccountId.random(), List.of(specialty),
                    Optional.of(DirectoryStoreContract.near(random, CITY, 14)), Optional.of(new BigDecimal("200.00"))));
        }
        GeoCircle circle = new GeoCircle(new GeoPoint(-23.551, -46.631), 10);

        for (int round = 0; round < 2; round++) {
            long before = store.edgeBoxesTested();
            int sparse = store.count(circle, "GERIATRIA", ListingFilter.NONE);
            long tested = store.edgeBoxesTested() - before;
            // before: 32 boxes per edge geohash-5 cell, and a 10 km circle has more than a dozen of them
            assertThat(tested).as("edge boxes tested for 100 offices").isPositive().isLessThanOrEqualTo(100);
            assertThat(sparse).isEqualTo(store.within(circle, "GERIATRIA").size()).isPositive();
        }
        assertThat(store.count(circle, "CARDIOLOGIA", ListingFilter.NONE)).isEqualTo(store.within(circle, "CARDIOLOGIA").size());
    }
}
