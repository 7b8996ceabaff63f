package br.com.healthmed.identity.store;

import br.com.healthmed.identity.LoginClaimStore;
import br.com.healthmed.support.Dynalite;

/** The production adapter against dynalite, a DynamoDB-compatible engine. */
class DynamoLoginClaimStoreTest extends LoginClaimStoreContract {

    private final LoginClaimStore store = new DynamoLoginClaimStore(Dynalite.newTable());

    @Override
    protected LoginClaimStore store() {
        return store;
    }
}
