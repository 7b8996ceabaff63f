package br.com.healthmed.identity.store;

import br.com.healthmed.identity.OneTimeTicketStore;
import br.com.healthmed.support.Dynalite;

/** The production adapter against dynalite, a DynamoDB-compatible engine. */
class DynamoOneTimeTicketStoreTest extends OneTimeTicketStoreContract {

    private final OneTimeTicketStore store = new DynamoOneTimeTicketStore(Dynalite.newTable());

    @Override
    protected OneTimeTicketStore store() {
        return store;
    }
}
