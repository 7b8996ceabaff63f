package br.com.healthmed.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.support.Api;
import br.com.healthmed.support.Dynalite;
import br.com.healthmed.support.DynaliteStorage;
import br.com.healthmed.support.FaultyProxy;
import br.com.healthmed.support.Outages;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * DynamoDB in trouble, as the service's clients meet it: the service runs on dynalite behind a proxy
 * that answers 500s, throttles or stalls, with the production timeouts. A failing or silent DynamoDB
 * gets a coded, retryable answer (never INTERNAL_ERROR, never a wait of many seconds); after enough
 * failures the service stops calling it for a while, answering at once, and readiness says DOWN; a
 * throttled or failed call the SDK could retry succeeds once; when DynamoDB is back, so is the service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StorageOutageApiTest {

    private static final FaultyProxy PROXY = FaultyProxy.in(Dynalite.endpoint());

    @DynamicPropertySource
    static void dynamoBehindTheProxy(DynamicPropertyRegistry registry) {
        DynaliteStorage.registerWithProductionTimeouts(registry, PROXY.endpoint());
        Outages.quickBreaker(registry, "healthmed.dynamodb.guard");
    }

    @AfterAll
    static void stopProxy() {
        PROXY.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    StorageGuard guard;

    Api patient;

    @BeforeEach
    void dynamoHealthyAndAPatient() {
        PROXY.heal();
        awaitStorageBack();
        Api anonymous = Api.at(port);
        patient = anonymous.as((String) anonymous.registerPatient(Api.newPatient()).get("accessToken"));
    }

    @Test
    void aFailingDynamoGetsRetryableAnswersThenNoMoreCallsAndReadinessDownUntilItIsBack() throws Exception {
        PROXY.failEvery(FaultyProxy.Fault.SERVER_ERROR);
        for (int call = 0; guard.state() != CircuitBreaker.State.OPEN; call++) {
            assertThat(call).as("the breaker opens after the configured failures").isLessThan(30);
            assertRetryable(me(), "STORAGE_UNAVAILABLE");
        }

        int reachedDynamo = PROXY.received();
        int calls = 10;
        for (int call = 0; call < calls; call++) {
            assertRetryable(me(), "STORAGE_UNAVAILABLE");
        }
        // each of these calls would reach DynamoDB at least once; only calls that were already under way
        // when the breaker opened (a background sweep's, retrying) may still arrive
        assertThat(PROXY.received() - reachedDynamo).as("requests reaching a DynamoDB the breaker has given a rest")
                .isLessThan(3);
        assertThat(Outages.readiness(port)).isEqualTo(503);

        PROXY.heal();
        awaitStorageBack();
    }

    @Test
    void aDynamoThatDoesNotAnswerGetsStorageUnavailableNotAnInternalError() {
        PROXY.failEvery(FaultyProxy.Fault.STALL);
        assertRetryable(me(), "STORAGE_UNAVAILABLE");
    }

    @Test
    void aThrottledOrFailedCallIsRetriedAndTheChangeIsMadeOnce() {
        Map<String, Object> input = Api.newPatient();
        PROXY.failNext(1, FaultyProxy.Fault.THROTTLED);
        int faultsBefore = PROXY.faulted();
        Api anonymous = Api.at(port);
        anonymous.registerPatient(input);
        PROXY.failNext(1, FaultyProxy.Fault.SERVER_ERROR);
        anonymous.document("loginPatient").variable("login", input.get("email")).variable("password", Api.PASSWORD).execute()
                .path("loginPatient.account.id").hasValue();
        assertThat(PROXY.faulted() - faultsBefore).isEqualTo(2);
        // registered once: registering the same e-mail again creates no second account
        String otherCpf = Api.cpf(System.nanoTime() % 1_000_000_000L);
        anonymous.tester().documentName("registerPatient").variable("input", Map.of("name", "Outra Pessoa",
                        "email", input.get("email"), "cpf", otherCpf, "password", Api.PASSWORD, "birthDate", "1990-01-01"))
                .execute().path("registerPatient.email").hasValue();
        anonymous.document("loginPatient").variable("login", otherCpf).variable("password", Api.PASSWORD).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "INVALID_CREDENTIALS")));
    }

    private GraphQlTester.Response me() {
        return patient.tester().document("{ me { id } }").execute();
    }

    private static void assertRetryable(GraphQlTester.Response response, String code) {
        Outages.assertRetryable(response, code);
    }

    private void awaitStorageBack() {
        Outages.awaitClosed(guard, this::answersFromStorage);
    }

    private boolean answersFromStorage() {
        if (patient == null) {
            return true;
        }
        return me().returnResponse().getErrors().isEmpty();
    }
}
