package br.com.healthmed.notifications;

import br.com.healthmed.support.DynaliteStorage;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Notifications through the API on the production DynamoDB adapters, against dynalite. */
class DynamoNotificationsApiTest extends NotificationsApiContract {

    @DynamicPropertySource
    static void dynamo(DynamicPropertyRegistry registry) {
        DynaliteStorage.register(registry);
    }
}
