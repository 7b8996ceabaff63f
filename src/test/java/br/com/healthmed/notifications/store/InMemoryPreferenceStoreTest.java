package br.com.healthmed.notifications.store;

import br.com.healthmed.notifications.PreferenceStore;

class InMemoryPreferenceStoreTest extends PreferenceStoreContract {

    private final PreferenceStore store = new InMemoryPreferenceStore();

    @Override
    protected PreferenceStore store() {
        return store;
    }
}
