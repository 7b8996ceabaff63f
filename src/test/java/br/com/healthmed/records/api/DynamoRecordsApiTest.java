package br.com.healthmed.records.api;

import br.com.healthmed.support.DynaliteStorage;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The records API on the DynamoDB adapters (dynalite) with the local blob store. */
class DynamoRecordsApiTest extends RecordsApiContract {

    @DynamicPropertySource
    static void dynamo(DynamicPropertyRegistry registry) {
        DynaliteStorage.register(registry);
    }

    /** The clinical record, in this class's Spring context. */
    @org.junit.jupiter.api.Nested
    class ClinicalRecord extends ClinicalRecordApiContract {}
}
