package br.com.healthmed.directory.store;

import static br.com.healthmed.directory.DirectoryFixtures.at;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.healthmed.directory.DirectoryStore;
import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.storage.DynamoTable;
import br.com.healthmed.support.Dynalite;
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
