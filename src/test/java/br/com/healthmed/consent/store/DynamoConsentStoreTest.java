package br.com.healthmed.consent.store;

import br.com.healthmed.consent.ConsentStore;
import br.com.healthmed.support.Dynalite;

/** The production adapter against dynalite, a DynamoDB-compatible engine. */
class DynamoConsentStoreTest extends ConsentStoreContract {

    private final ConsentStore store = new DynamoConsentStore(Dynalite.newTable());

    @Override
    protected ConsentStore store() {
        return store;
    }
}
