package br.com.healthmed.records.store;

import br.com.healthmed.records.AccessLogStore;

class InMemoryAccessLogStoreTest extends AccessLogStoreContract {

    private final AccessLogStore store = new InMemoryAccessLogStore();

    @Override
    protected AccessLogStore store() {
        return store;
    }
}
