package br.com.healthmed.records.store;

import br.com.healthmed.records.AccessLogStore;
import br.com.healthmed.support.Dynalite;

/** The production adapter against dynalite. */
class DynamoAccessLogStoreTest extends AccessLogStoreContract {

    private final AccessLogStore store = new DynamoAccessLogStore(Dynalite.newTable());

    @Override
    protected AccessLogStore store() {
        return store;
    }
}
