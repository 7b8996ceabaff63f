package br.com.healthmed.identity.store;

import br.com.healthmed.identity.SecurityEventStore;
import br.com.healthmed.support.Dynalite;

/** The production adapter against dynalite, a DynamoDB-compatible engine. */
class DynamoSecurityEventStoreTest extends SecurityEventStoreContract {

    private final SecurityEventStore store = new DynamoSecurityEventStore(Dynalite.newTable(), RETENTION);

    @Override
    protected SecurityEventStore store() {
        return store;
    }
}
