package br.com.healthmed.directory.store;

import static br.com.healthmed.directory.DirectoryFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.healthmed.directory.DirectoryStore;
import br.com.healthmed.directory.GeoCircle;
import br.com.healthmed.directory.Listing;
import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.storage.DynamoTable;
import br.com.healthmed.support.Dynalite;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The production adapter against dynalite. */
class DynamoDirectoryStoreTest extends DirectoryStoreContract {

    private final DynamoTable table = Dynalite.newTable();
    private final DynamoDirectoryStore store = new DynamoDirectoryStore(table, 8);
    private final SteppedDynamoClient stepped = new SteppedDynamoClient(table.client());
    /** The same table through a client that stops one update on demand. */
    private final DynamoDirectoryStore steppedStore = new DynamoDirectoryStore(new DynamoTable(stepped.client(), table.name()), 8);

    @Override
    protected DirectoryStore store() {
        return store;
    }

    @AfterEach
    void close() {
        stepped.release();
        store.close();
        steppedStore.close();
    }

    /** The race of two saves, in its worst order: the first save's listings land after the second save is done. */
    @Test
    void aSaveOvertakenBetweenItsProfileAndItsListingsLeavesTheListingsOfTheLaterProfile() throws Exception {
        AccountId id = AccountId.random();
        store.save(at(id, -23.5600, -46.6500, "PEDIATRIA"));
        stepped.pauseAt(SteppedDynamoClient.listingWrite());
        CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> steppedStore.save(at(id, -23.5600, -46.6500, "CARDIOLOGIA")));
        stepped.awaitPaused();

        store.save(at(id, -23.6200, -46.7000, "DERMATOLOGIA"));
        stepped.release();
        slow.get(30, TimeUnit.SECONDS);

        assertListingsFollowTheStoredProfile(id);
    }

    /** A save cut between its profile and its listings, by a process that never comes back: the sweep finishes it, once. */
    @Test
    void aSaveCutAfterItsProfileWriteIsFinishedByTheSweepAndASecondSweepFindsNothing() {
        AccountId id = AccountId.random();
        store.save(at(id, -23.5600, -46.6500, "PEDIATRIA"));
        assertThat(store.healListings(Instant.now().plusSeconds(60))).as("a save that finished leaves nothing").isZero();
        stepped.crashAt(SteppedDynamoClient.listingWrite());
        assertThatThrownBy(() -> steppedStore.save(at(id, -23.6200, -46.7000, "CARDIOLOGIA")))
                .hasMessageContaining("crash injected");
        assertThat(ids(store.within(new GeoCircle(PAULISTA, 50), "PEDIATRIA"))).as("as the cut left it").contains(id);

        assertThat(store.healListings(Instant.now().minusSeconds(60))).as("within the grace").isZero();
        assertThat(store.healListings(Instant.now().plusSeconds(60))).isEqualTo(1);

        assertListingsFollowTheStoredProfile(id);
        assertThat(store.healListings(Instant.now().plusSeconds(60))).isZero();
    }

    /** A withdrawal (an account deactivated) cut before its listings went: the doctor is found until the sweep takes them down. */
    @Test
    void aWithdrawalCutBeforeItsListingsWentIsFinishedByTheSweep() {
        AccountId id = AccountId.random();
        store.save(at(id, -23.5600, -46.6500, "PEDIATRIA"));
        stepped.crashAt(SteppedDynamoClient.listingWrite());
        assertThatThrownBy(() -> steppedStore.setListed(id, false)).hasMessageContaining("crash injected");

        assertThat(store.healListings(Instant.now().plusSeconds(60))).isEqualTo(1);

        for (String specialty : List.of("PEDIATRIA", Listing.ANY_SPECIALTY)) {
            assertThat(ids(store.within(new GeoCircle(PAULISTA, 50), specialty))).as(specialty).doesNotContain(id);
        }
    }

    /**
     * A save cut after its profile write (the commit point) left its listings undone; the doctor's next save
     * rewrites every listing the doctor ever had, also those the cut save should have taken down.
     */
    @Test
    void aSaveCutAfterItsProfileWriteIsHealedByTheNextSave() throws Exception {
        AccountId id = AccountId.random();
        store.save(at(id, -23.5600, -46.6500, "PEDIATRIA"));
        stepped.crashAt(SteppedDynamoClient.listingWrite());
        assertThatThrownBy(() -> steppedStore.save(at(id, -23.5600, -46.6500, "CARDIOLOGIA")))
                .hasMessageContaining("crash injected");

        store.save(at(id, -23.6200, -46.7000, "DERMATOLOGIA"));

        assertListingsFollowTheStoredProfile(id);
    }
}
