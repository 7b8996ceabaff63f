package br.com.healthmed.identity.store;

import br.com.healthmed.identity.EmailCodeStore;
import br.com.healthmed.support.Dynalite;

/** The production adapter against dynalite, a DynamoDB-compatible engine. */
class DynamoEmailCodeStoreTest extends EmailCodeStoreContract {

    private final EmailCodeStore store = new DynamoEmailCodeStore(Dynalite.newTable());

    @Override
    protected EmailCodeStore store() {
        return store;
    }
}
