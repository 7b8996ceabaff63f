package br.com.healthmed.identity.store;

import br.com.healthmed.identity.SecurityEventStore;

class InMemorySecurityEventStoreTest extends SecurityEventStoreContract {

    private final SecurityEventStore store = new InMemorySecurityEventStore();

    @Override
    protected SecurityEventStore store() {
        return store;
    }
}
