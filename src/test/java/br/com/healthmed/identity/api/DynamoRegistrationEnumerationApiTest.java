package br.com.healthmed.identity.api;

import br.com.healthmed.support.DynaliteStorage;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Registration without account enumeration, on the production DynamoDB adapters, against dynalite. */
class DynamoRegistrationEnumerationApiTest extends RegistrationEnumerationApiContract {

    @DynamicPropertySource
    static void dynamo(DynamicPropertyRegistry registry) {
        DynaliteStorage.register(registry);
    }
}
