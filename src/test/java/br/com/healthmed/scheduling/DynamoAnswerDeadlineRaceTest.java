package br.com.healthmed.scheduling;

import br.com.healthmed.support.DynaliteStorage;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The answer-deadline races on the DynamoDB adapters, against dynalite. */
class DynamoAnswerDeadlineRaceTest extends AnswerDeadlineRaceContract {

    @DynamicPropertySource
    static void dynamo(DynamicPropertyRegistry registry) {
        DynaliteStorage.register(registry);
    }
}
