package br.com.healthmed.scheduling.store;

import br.com.healthmed.scheduling.ActiveBookings;
import br.com.healthmed.support.Dynalite;

/** The production adapter against dynalite, a DynamoDB-compatible engine. */
class DynamoActiveBookingsTest extends ActiveBookingsContract {

    private final ActiveBookings bookings = new DynamoActiveBookings(Dynalite.newTable());

    @Override
    protected ActiveBookings bookings() {
        return bookings;
    }
}
