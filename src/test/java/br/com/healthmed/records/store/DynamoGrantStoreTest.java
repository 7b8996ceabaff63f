package br.com.healthmed.records.store;

import br.com.healthmed.records.GrantStore;
import br.com.healthmed.support.Dynalite;

/** The production adapter against dynalite. */
class DynamoGrantStoreTest extends GrantStoreContract {

    private final GrantStore store = new DynamoGrantStore(Dynalite.newTable());

    @Override
    protected GrantStore store() {
        return store;
    }
}
