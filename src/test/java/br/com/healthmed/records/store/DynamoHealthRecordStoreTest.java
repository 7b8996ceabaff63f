package br.com.healthmed.records.store;

import br.com.healthmed.records.HealthRecordStore;
import br.com.healthmed.support.Dynalite;

/** The production adapter against dynalite. */
class DynamoHealthRecordStoreTest extends HealthRecordStoreContract {

    private final HealthRecordStore store = new DynamoHealthRecordStore(Dynalite.newTable());

    @Override
    protected HealthRecordStore store() {
        return store;
    }
}
