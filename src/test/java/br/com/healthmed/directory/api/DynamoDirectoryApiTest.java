package br.com.healthmed.directory.api;

import br.com.healthmed.support.DynaliteStorage;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The directory API on the DynamoDB adapters, against dynalite. */
class DynamoDirectoryApiTest extends DirectoryApiContract {

    @DynamicPropertySource
    static void dynamo(DynamicPropertyRegistry registry) {
        DynaliteStorage.register(registry);
    }
}
