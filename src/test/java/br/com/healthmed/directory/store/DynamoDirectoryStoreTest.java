package br.com.healthmed.directory.store;

import br.com.healthmed.directory.DirectoryStore;
import br.com.healthmed.support.Dynalite;
import org.junit.jupiter.api.AfterEach;

/** The production adapter against dynalite. */
class DynamoDirectoryStoreTest extends DirectoryStoreContract {

    private final DynamoDirectoryStore store = new DynamoDirectoryStore(Dynalite.newTable(), 8);

    @Override
    protected DirectoryStore store() {
        return store;
    }

    @AfterEach
    void close() {
        store.close();
    }
}
