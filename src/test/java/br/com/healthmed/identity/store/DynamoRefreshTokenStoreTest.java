package br.com.healthmed.identity.store;

import br.com.healthmed.identity.RefreshTokenStore;
import br.com.healthmed.support.Dynalite;

/** The production adapter against dynalite, a DynamoDB-compatible engine. */
class DynamoRefreshTokenStoreTest extends RefreshTokenStoreContract {

    private final RefreshTokenStore store = new DynamoRefreshTokenStore(Dynalite.newTable());

    @Override
    protected RefreshTokenStore store() {
        return store;
    }
}
