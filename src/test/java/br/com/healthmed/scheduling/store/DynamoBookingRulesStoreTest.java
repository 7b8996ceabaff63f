package br.com.healthmed.scheduling.store;

import br.com.healthmed.scheduling.BookingRulesStore;
import br.com.healthmed.support.Dynalite;

/** The production adapter against dynalite, a DynamoDB-compatible engine. */
class DynamoBookingRulesStoreTest extends BookingRulesStoreContract {

    private final BookingRulesStore store = new DynamoBookingRulesStore(Dynalite.newTable());

    @Override
    protected BookingRulesStore store() {
        return store;
    }
}
