package br.com.healthmed.records.store;

import br.com.healthmed.records.GrantStore;

class InMemoryGrantStoreTest extends GrantStoreContract {

    private final GrantStore store = new InMemoryGrantStore();

    @Override
    protected GrantStore store() {
        return store;
    }
}
