package br.com.healthmed.scheduling.store;

import br.com.healthmed.scheduling.SlotStore;
import br.com.healthmed.support.Dynalite;

/** The production adapter against dynalite, a DynamoDB-compatible engine. */
class DynamoSlotStoreTest extends SlotStoreContract {

    private final SlotStore store = new DynamoSlotStore(Dynalite.newTable());

    @Override
    protected SlotStore store() {
        return store;
    }
}
