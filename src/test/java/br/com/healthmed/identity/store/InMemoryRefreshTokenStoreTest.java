package br.com.healthmed.identity.store;

import br.com.healthmed.identity.RefreshTokenStore;

class InMemoryRefreshTokenStoreTest extends RefreshTokenStoreContract {

    private final RefreshTokenStore store = new InMemoryRefreshTokenStore();

    @Override
    protected RefreshTokenStore store() {
        return store;
    }
}
