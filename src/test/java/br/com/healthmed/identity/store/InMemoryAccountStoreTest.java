package br.com.healthmed.identity.store;

import br.com.healthmed.identity.AccountStore;

class InMemoryAccountStoreTest extends AccountStoreContract {

    private final AccountStore store = new InMemoryAccountStore();

    @Override
    protected AccountStore store() {
        return store;
    }
}
