package br.com.healthmed.notifications.store;

import br.com.healthmed.notifications.PreferenceStore;
import br.com.healthmed.support.Dynalite;

/** The production adapter against dynalite, a DynamoDB-compatible engine. */
class DynamoPreferenceStoreTest extends PreferenceStoreContract {

    private final PreferenceStore store = new DynamoPreferenceStore(Dynalite.newTable());

    @Override
    protected PreferenceStore store() {
        return store;
    }
}
