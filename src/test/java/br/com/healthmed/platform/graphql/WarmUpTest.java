package br.com.healthmed.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The warm-up runs every round in full before the port opens, answered as designed: the public
 * documents OK, the ones that need a caller UNAUTHENTICATED, never an INTERNAL_ERROR — and the
 * modules' steps (identity's forged token) did not end it early.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"healthmed.warm-up.rounds=7", "healthmed.warm-up.budget=PT60S"})
class WarmUpTest {

    @Autowired
    WarmUp warmUp;

    @Test
    void runsEveryRoundAndChangesNothing() {
        assertThat(warmUp.answers()).containsOnlyKeys("OK", "UNAUTHENTICATED");
        assertThat(warmUp.answers().get("OK")).isEqualTo(2 * 7);
        assertThat(warmUp.answers().get("UNAUTHENTICATED")).isEqualTo(2 * 7);
    }
}
