package br.com.healthmed.scheduling.store;

import br.com.healthmed.scheduling.AppointmentStore;
import br.com.healthmed.support.Dynalite;

/** The production adapter against dynalite, a DynamoDB-compatible engine. */
class DynamoAppointmentStoreTest extends AppointmentStoreContract {

    private final AppointmentStore store = new DynamoAppointmentStore(Dynalite.newTable());

    @Override
    protected AppointmentStore store() {
        return store;
    }
}
