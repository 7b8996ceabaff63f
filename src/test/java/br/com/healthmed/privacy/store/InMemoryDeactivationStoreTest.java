package br.com.healthmed.privacy.store;

import br.com.healthmed.privacy.DeactivationStore;

class InMemoryDeactivationStoreTest extends DeactivationStoreContract {

    private final DeactivationStore store = new InMemoryDeactivationStore();

    @Override
    protected DeactivationStore store() {
        return store;
    }
}
