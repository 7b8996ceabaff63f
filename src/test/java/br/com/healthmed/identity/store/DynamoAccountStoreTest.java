package br.com.healthmed.identity.store;

import br.com.healthmed.identity.AccountStore;
import br.com.healthmed.support.Dynalite;

/** The production adapter against dynalite, a DynamoDB-compatible engine. */
class DynamoAccountStoreTest extends AccountStoreContract {

    private final AccountStore store = new DynamoAccountStore(Dynalite.newTable());

    @Override
    protected AccountStore store() {
        return store;
    }
}
