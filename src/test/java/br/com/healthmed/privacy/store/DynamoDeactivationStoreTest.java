package br.com.healthmed.privacy.store;

import br.com.healthmed.privacy.DeactivationStore;
import br.com.healthmed.support.Dynalite;

/** The production adapter against dynalite, a DynamoDB-compatible engine. */
class DynamoDeactivationStoreTest extends DeactivationStoreContract {

    private final DeactivationStore store = new DynamoDeactivationStore(Dynalite.newTable());

    @Override
    protected DeactivationStore store() {
        return store;
    }
}
