package br.com.healthmed.scheduling.store;

import br.com.healthmed.scheduling.AppointmentEventStore;

class InMemoryAppointmentEventStoreTest extends AppointmentEventStoreContract {

    private final AppointmentEventStore store = new InMemoryAppointmentEventStore();

    @Override
    protected AppointmentEventStore store() {
        return store;
    }
}
