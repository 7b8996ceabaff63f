package br.com.healthmed.privacy.store;

import br.com.healthmed.privacy.DataExportStore;
import br.com.healthmed.support.Dynalite;

/** The production adapter against dynalite, a DynamoDB-compatible engine. */
class DynamoDataExportStoreTest extends DataExportStoreContract {

    private final DataExportStore store = new DynamoDataExportStore(Dynalite.newTable());

    @Override
    protected DataExportStore store() {
        return store;
    }
}
