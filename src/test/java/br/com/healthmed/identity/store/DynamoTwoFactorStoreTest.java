package br.com.healthmed.identity.store;

import br.com.healthmed.identity.TwoFactorStore;
import br.com.healthmed.support.Dynalite;

/** The production adapter against dynalite, a DynamoDB-compatible engine. */
class DynamoTwoFactorStoreTest extends TwoFactorStoreContract {

    private final TwoFactorStore store = new DynamoTwoFactorStore(Dynalite.newTable());

    @Override
    protected TwoFactorStore store() {
        return store;
    }
}
