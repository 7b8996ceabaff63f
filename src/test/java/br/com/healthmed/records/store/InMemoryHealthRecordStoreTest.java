package br.com.healthmed.records.store;

import br.com.healthmed.records.HealthRecordStore;

class InMemoryHealthRecordStoreTest extends HealthRecordStoreContract {

    private final HealthRecordStore store = new InMemoryHealthRecordStore();

    @Override
    protected HealthRecordStore store() {
        return store;
    }
}
