package br.com.healthmed.scheduling.store;

import br.com.healthmed.scheduling.WaitlistStore;
import br.com.healthmed.support.Dynalite;

/** The production adapter against dynalite, a DynamoDB-compatible engine. */
class DynamoWaitlistStoreTest extends WaitlistStoreContract {

    private final WaitlistStore store = new DynamoWaitlistStore(Dynalite.newTable());

    @Override
    protected WaitlistStore store() {
        return store;
    }
}
