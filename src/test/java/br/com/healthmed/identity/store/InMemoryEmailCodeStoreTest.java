package br.com.healthmed.identity.store;

import br.com.healthmed.identity.EmailCodeStore;

class InMemoryEmailCodeStoreTest extends EmailCodeStoreContract {

    private final EmailCodeStore store = new InMemoryEmailCodeStore();

    @Override
    protected EmailCodeStore store() {
        return store;
    }
}
