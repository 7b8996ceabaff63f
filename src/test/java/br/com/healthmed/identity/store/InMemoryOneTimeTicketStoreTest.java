package br.com.healthmed.identity.store;

import br.com.healthmed.identity.OneTimeTicketStore;

class InMemoryOneTimeTicketStoreTest extends OneTimeTicketStoreContract {

    private final OneTimeTicketStore store = new InMemoryOneTimeTicketStore();

    @Override
    protected OneTimeTicketStore store() {
        return store;
    }
}
