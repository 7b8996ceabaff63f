package br.com.healthmed.identity.store;

import br.com.healthmed.identity.TwoFactorStore;

class InMemoryTwoFactorStoreTest extends TwoFactorStoreContract {

    private final TwoFactorStore store = new InMemoryTwoFactorStore();

    @Override
    protected TwoFactorStore store() {
        return store;
    }
}
