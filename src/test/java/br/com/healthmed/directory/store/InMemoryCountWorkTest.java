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
 * {@code totalCount} in memory: an edge cell with few listings is tested office by office, not split
 * into its 32 finer cells (whose boxes and binary searches cost more than the distance tests they
 * save); a crowded edge cell still is. Counted, not timed; the counts stay those of brute force.
 */
class InMemoryCountWorkTest {

    private static final GeoPoint CITY = new GeoPoint(-23.55, -46.63);

    @Test
    void aSparseSpecialtyCountsWithoutSplittingAnyEdgeCellAndACrowdedOneSplitsThem() {
        InMemoryDirectoryStore store = new InMemoryDirectoryStore();
        Random random = new Random(20261203);
        for (int i = 0; i < 6_000; i++) {
            String specialty = i % 20 == 0 ? "GERIATRIA" : "CARDIOLOGIA";
            store.save(DirectoryFixtures.profile(AccountId.random(), List.of(specialty),
                    Optional.of(DirectoryStoreContract.near(random, CITY, 14)), Optional.of(new BigDecimal("200.00"))));
        }
        GeoCircle circle = new GeoCircle(new GeoPoint(-23.551, -46.631), 10);

        long splitBefore = store.edgeCellsSplit();
        int sparse = store.count(circle, "GERIATRIA", ListingFilter.NONE);
        assertThat(store.edgeCellsSplit() - splitBefore).as("edge cells split for 300 offices").isZero();
        assertThat(sparse).isEqualTo(store.within(circle, "GERIATRIA").size()).isPositive();

        splitBefore = store.edgeCellsSplit();
        int crowded = store.count(circle, "CARDIOLOGIA", ListingFilter.NONE);
        assertThat(store.edgeCellsSplit() - splitBefore).as("edge cells split for 5,700 offices").isPositive();
        assertThat(crowded).isEqualTo(store.within(circle, "CARDIOLOGIA").size());
    }
}
