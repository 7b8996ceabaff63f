package br.com.healthmed.identity;

import br.com.healthmed.support.DynaliteStorage;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Passwords and two-factor login through the API on the production DynamoDB adapters, against dynalite. */
class DynamoAccountSecurityApiTest extends AccountSecurityApiContract {

    @DynamicPropertySource
    static void dynamo(DynamicPropertyRegistry registry) {
        DynaliteStorage.register(registry);
    }
}
