package br.com.healthmed.scheduling;

import br.com.healthmed.support.DynaliteStorage;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The booking model on the DynamoDB adapters, against dynalite: fewer, shorter sequences. */
class DynamoBookingModelTest extends BookingModelContract {

    @DynamicPropertySource
    static void dynamo(DynamicPropertyRegistry registry) {
        DynaliteStorage.register(registry);
    }

    @Override
    protected int sequences() {
        return 4;
    }

    @Override
    protected int steps() {
        return 30;
    }
}
