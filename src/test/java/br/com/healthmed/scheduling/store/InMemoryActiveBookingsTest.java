package br.com.healthmed.scheduling.store;

import br.com.healthmed.scheduling.ActiveBookings;

class InMemoryActiveBookingsTest extends ActiveBookingsContract {

    private final ActiveBookings bookings = new InMemoryActiveBookings();

    @Override
    protected ActiveBookings bookings() {
        return bookings;
    }
}
