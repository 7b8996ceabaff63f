package br.com.healthmed.scheduling.store;

import br.com.healthmed.scheduling.BookingRulesStore;

class InMemoryBookingRulesStoreTest extends BookingRulesStoreContract {

    private final BookingRulesStore store = new InMemoryBookingRulesStore();

    @Override
    protected BookingRulesStore store() {
        return store;
    }
}
