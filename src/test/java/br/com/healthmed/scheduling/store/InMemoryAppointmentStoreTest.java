package br.com.healthmed.scheduling.store;

import br.com.healthmed.scheduling.AppointmentStore;

class InMemoryAppointmentStoreTest extends AppointmentStoreContract {

    private final AppointmentStore store = new InMemoryAppointmentStore();

    @Override
    protected AppointmentStore store() {
        return store;
    }
}
