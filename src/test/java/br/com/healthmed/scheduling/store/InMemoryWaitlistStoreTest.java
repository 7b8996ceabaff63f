package br.com.healthmed.scheduling.store;

import br.com.healthmed.scheduling.WaitlistStore;

class InMemoryWaitlistStoreTest extends WaitlistStoreContract {

    private final WaitlistStore store = new InMemoryWaitlistStore();

    @Override
    protected WaitlistStore store() {
        return store;
    }
}
