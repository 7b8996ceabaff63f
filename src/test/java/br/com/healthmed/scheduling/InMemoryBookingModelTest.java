package br.com.healthmed.scheduling;

/** The booking model on the embedded (in-memory) adapters. */
class InMemoryBookingModelTest extends BookingModelContract {

    @Override
    protected int sequences() {
        return 30;
    }

    @Override
    protected int steps() {
        return 40;
    }
}
