package br.com.healthmed.records.api;

import br.com.healthmed.support.DynaliteStorage;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Retry safety and the reconcilers of the records API on the DynamoDB adapters (dynalite). */
class DynamoRetrySafetyApiTest extends RetrySafetyApiContract {

    @DynamicPropertySource
    static void dynamo(DynamicPropertyRegistry registry) {
        DynaliteStorage.register(registry);
    }
}
