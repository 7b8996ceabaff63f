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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The production adapter against dynalite. */
class DynamoDirectoryStoreTest extends DirectoryStoreContract {

    private final DynamoTable table = Dynalite.newTable();
    private final DynamoDirectoryStore store = new DynamoDirectoryStore(table, 8, Clock.systemUTC());
    private final SteppedDynamoClient stepped = new SteppedDynamoClient(table.client());
    /** The same table through a client that stops one update on demand. */
    private final DynamoDirectoryStore steppedStore = new DynamoDirectoryStore(new DynamoTable(stepped.client(), table.name()), 8, Clock.systemUTC());

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

    /** A reactivation cut after taking the withdrawal off, before its save: the sweep lists the doctor again. */
    @Test
    void aReactivationCutBeforeItsSaveIsFinishedByTheSweep() {
        AccountId id = AccountId.random();
        store.save(at(id, -23.5600, -46.6500, "PEDIATRIA"));
        store.setListed(id, false);
        stepped.crashAt(SteppedDynamoClient.profileSave());
        assertThatThrownBy(() -> steppedStore.setListed(id, true)).hasMessageContaining("crash injected");
        assertThat(ids(store.within(new GeoCircle(PAULISTA, 50), "PEDIATRIA"))).as("as the cut left it").doesNotContain(id);

        assertThat(store.healListings(Instant.now().plusSeconds(60))).isEqualTo(1);

        for (String specialty : List.of("PEDIATRIA", Listing.ANY_SPECIALTY)) {
            assertThat(ids(store.within(new GeoCircle(PAULISTA, 50), specialty))).as(specialty).contains(id);
        }
    }

    /**
     * A save that found the doctor withdrawn, overtaken before its second profile write by a reactivation: it
     * must not write "listed nowhere" over the reactivated doctor, but save as listed.
     */
    @Test
    void aSaveOfAWithdrawnDoctorOvertakenByItsReactivationLeavesTheDoctorListed() throws Exception {
        AccountId id = AccountId.random();
        store.save(at(id, -23.5600, -46.6500, "PEDIATRIA"));
        store.setListed(id, false);
        stepped.pauseAt(SteppedDynamoClient.withdrawnProfileSave());
        CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> steppedStore.save(at(id, -23.5600, -46.6500, "CARDIOLOGIA")));
        stepped.awaitPaused();

        store.setListed(id, true);
        stepped.release();
        slow.get(30, TimeUnit.SECONDS);

        for (String specialty : List.of("CARDIOLOGIA", Listing.ANY_SPECIALTY)) {
            assertThat(ids(store.within(new GeoCircle(PAULISTA, 50), specialty))).as(specialty).contains(id);
        }
        assertThat(ids(store.within(new GeoCircle(PAULISTA, 50), "PEDIATRIA"))).doesNotContain(id);
    }

    /** One doctor whose listings fail to write does not leave the others pending: the sweep goes on, counting only those healed. */
    @Test
    void aSweepGoesOnPastADoctorItCannotHeal() {
        AccountId first = AccountId.random();
        AccountId second = AccountId.random();
        for (AccountId id : List.of(first, second)) {
            store.save(at(id, -23.5600, -46.6500, "PEDIATRIA"));
            stepped.crashAt(SteppedDynamoClient.listingWrite());
            assertThatThrownBy(() -> steppedStore.save(at(id, -23.5600, -46.6500, "CARDIOLOGIA"))).hasMessageContaining("crash injected");
        }

        stepped.crashAt(SteppedDynamoClient.listingWrite());
        assertThat(steppedStore.healListings(Instant.now().plusSeconds(60))).isEqualTo(1);
        assertThat(store.healListings(Instant.now().plusSeconds(60))).as("the one that failed, next time").isEqualTo(1);

        for (AccountId id : List.of(first, second)) {
            assertListingsFollowTheStoredProfile(id);
        }
    }

    /** The pending mark's time is the store's clock, the one the sweep's grace is measured on. */
    @Test
    void aPendingMarkIsTimedByTheInjectedClock() {
        Instant then = Instant.parse("2020-01-01T00:00:00Z");
        SteppedDynamoClient cutting = new SteppedDynamoClient(table.client());
        try (DynamoDirectoryStore past = new DynamoDirectoryStore(new DynamoTable(cutting.client(), table.name()), 8,
                Clock.fixed(then, ZoneOffset.UTC))) {
            AccountId id = AccountId.random();
            past.save(at(id, -23.5600, -46.6500, "PEDIATRIA"));
            cutting.crashAt(SteppedDynamoClient.listingWrite());
            assertThatThrownBy(() -> past.save(at(id, -23.5600, -46.6500, "CARDIOLOGIA"))).hasMessageContaining("crash injected");

            assertThat(store.healListings(then.plus(Duration.ofMinutes(2)))).isEqualTo(1);
        }
    }
}
