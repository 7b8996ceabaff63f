package br.com.healthmed.consent.store;

import br.com.healthmed.consent.ConsentStore;

class InMemoryConsentStoreTest extends ConsentStoreContract {

    private final ConsentStore store = new InMemoryConsentStore();

    @Override
    protected ConsentStore store() {
        return store;
    }
}
