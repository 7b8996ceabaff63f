package br.com.healthmed.scheduling;

import br.com.healthmed.support.DynaliteStorage;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Rescheduling, booking rules and the waitlist through the API on the production DynamoDB adapters, against dynalite. */
class DynamoRescheduleAndWaitlistApiTest extends RescheduleAndWaitlistApiContract {

    @DynamicPropertySource
    static void dynamo(DynamicPropertyRegistry registry) {
        DynaliteStorage.register(registry);
    }
}
