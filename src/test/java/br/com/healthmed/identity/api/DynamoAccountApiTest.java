package br.com.healthmed.identity.api;

import br.com.healthmed.support.DynaliteStorage;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Account self-service through the API on the production DynamoDB adapters, against dynalite. */
class DynamoAccountApiTest extends AccountApiContract {

    @DynamicPropertySource
    static void dynamo(DynamicPropertyRegistry registry) {
        DynaliteStorage.register(registry);
    }
}
