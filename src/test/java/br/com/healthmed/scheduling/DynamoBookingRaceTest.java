package br.com.healthmed.scheduling;

import br.com.healthmed.support.DynaliteStorage;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The booking races on the DynamoDB adapters, against dynalite. */
class DynamoBookingRaceTest extends BookingRaceContract {

    @DynamicPropertySource
    static void dynamo(DynamicPropertyRegistry registry) {
        DynaliteStorage.register(registry);
    }

    /** Fewer runs of each two-party race than in memory: dynalite is slow on a shared 2-core machine. */
    @Override
    protected int repetitions() {
        return 15;
    }
}
