package br.com.healthmed.scheduling.store;

import br.com.healthmed.scheduling.SlotStore;

class InMemorySlotStoreTest extends SlotStoreContract {

    private final SlotStore store = new InMemorySlotStore();

    @Override
    protected SlotStore store() {
        return store;
    }
}
