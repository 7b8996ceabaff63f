package br.com.healthmed.scheduling.store;

import br.com.healthmed.scheduling.AppointmentEventStore;
import br.com.healthmed.support.Dynalite;

/** The production adapter against dynalite, a DynamoDB-compatible engine. */
class DynamoAppointmentEventStoreTest extends AppointmentEventStoreContract {

    private final AppointmentEventStore store = new DynamoAppointmentEventStore(Dynalite.newTable(), java.time.Duration.ofDays(7));

    @Override
    protected AppointmentEventStore store() {
        return store;
    }
}
