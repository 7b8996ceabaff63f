package br.com.healthmed.identity.store;

import br.com.healthmed.identity.LoginClaimStore;

class InMemoryLoginClaimStoreTest extends LoginClaimStoreContract {

    private final LoginClaimStore store = new InMemoryLoginClaimStore();

    @Override
    protected LoginClaimStore store() {
        return store;
    }
}
