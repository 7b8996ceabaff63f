package br.com.healthmed.privacy.store;

import br.com.healthmed.privacy.DataExportStore;

class InMemoryDataExportStoreTest extends DataExportStoreContract {

    private final DataExportStore store = new InMemoryDataExportStore();

    @Override
    protected DataExportStore store() {
        return store;
    }
}
