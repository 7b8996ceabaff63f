package br.com.healthmed.consent.api;

import br.com.healthmed.support.DynaliteStorage;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The teleconsultation consent through the API on the production DynamoDB adapters, against dynalite. */
class DynamoConsentApiTest extends ConsentApiContract {

    @DynamicPropertySource
    static void dynamo(DynamicPropertyRegistry registry) {
        DynaliteStorage.register(registry);
    }
}
