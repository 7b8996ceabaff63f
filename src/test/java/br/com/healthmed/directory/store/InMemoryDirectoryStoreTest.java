package br.com.healthmed.directory.store;

import br.com.healthmed.directory.DirectoryStore;

class InMemoryDirectoryStoreTest extends DirectoryStoreContract {

    private final DirectoryStore store = new InMemoryDirectoryStore();

    @Override
    protected DirectoryStore store() {
        return store;
    }
}
