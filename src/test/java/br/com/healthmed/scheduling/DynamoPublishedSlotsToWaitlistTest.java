package br.com.healthmed.scheduling;

import br.com.healthmed.support.DynaliteStorage;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Newly published slots reach the waitlist at least once, on the production DynamoDB adapters against dynalite. */
class DynamoPublishedSlotsToWaitlistTest extends PublishedSlotsToWaitlistContract {

    @DynamicPropertySource
    static void dynamo(DynamicPropertyRegistry registry) {
        DynaliteStorage.register(registry);
    }
}
