package br.com.healthmed.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.support.Api;
import br.com.healthmed.support.Dynalite;
import br.com.healthmed.support.DynaliteStorage;
import br.com.healthmed.support.FaultyProxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stalled DynamoDB as a request that makes several calls meets it, and a burst beyond the in-flight
 * limit: the service on dynalite behind {@link FaultyProxy}, with the production bounds (1 s a call, a 1.5 s
 * storage deadline per request). The breaker is kept from opening (it would answer at once for its own
 * reason and hide what is tested), and the in-flight limit is small (4) so that a test's burst is beyond it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RequestDeadlineAndSheddingApiTest {

    private static final FaultyProxy PROXY = FaultyProxy.in(Dynalite.endpoint());
    /**
     * Each call's own bound, longer than the request's 1.5 s deadline here (production: 1 s), so that a call
     * the deadline did not shorten would show: it alone would take longer than the whole request may.
     */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(4);
    private static final int MAX_IN_FLIGHT = 4;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void dynamoBehindTheProxy(DynamicPropertyRegistry registry) {
        DynaliteStorage.registerWithProductionTimeouts(registry, PROXY.endpoint());
        registry.add("healthmed.dynamodb.api-call-timeout", CALL_TIMEOUT::toString);
        registry.add("healthmed.dynamodb.api-call-attempt-timeout", CALL_TIMEOUT::toString);
        registry.add("healthmed.dynamodb.guard.window", () -> "1000");
        registry.add("healthmed.dynamodb.guard.minimum-calls", () -> "1000");
        registry.add("healthmed.graphql.execution.max-in-flight", () -> Integer.toString(MAX_IN_FLIGHT));
        registry.add("healthmed.graphql.execution.queue-wait", () -> "PT0.01S");
        registry.add("healthmed.graphql.execution.storage-deadline", () -> "PT1.5S"); // production's (tests': 120 s)
    }

    @AfterAll
    static void stopProxy() {
        PROXY.close();
    }

    @LocalServerPort
    int port;

    String accessToken;

    @BeforeEach
    void aPatientWhileDynamoIsHealthy() {
        PROXY.heal();
        Api anonymous = Api.at(port);
        accessToken = (String) anonymous.registerPatient(Api.newPatient()).get("accessToken");
    }

    /**
     * Four root fields, each reading the account from DynamoDB: with every call stalled, the code before
     * answered after four call timeouts (16 s: each call had its own 4 s), field after field. Now the calls
     * share the request's 1.5 s: the first gets what is left of it, the others fail at once. The bound below
     * is one call timeout less a second, not a tight time (the machine is slow and shared): a first call that
     * kept its own timeout would alone exceed it.
     */
    @Test
    void severalCallsWhileDynamoStallsAnswerStorageUnavailableWithinTheRequestsDeadlineNotOneSecondEach() throws Exception {
        String fourReads = "{ a: me { id } b: me { id } c: me { id } d: me { id } }";
        int before = PROXY.received();
        assertThat(errors(post(fourReads))).isEmpty();
        assertThat(PROXY.received() - before).as("DynamoDB calls the document makes").isGreaterThanOrEqualTo(4);

        PROXY.failEvery(FaultyProxy.Fault.STALL);
        long started = System.nanoTime();
        HttpResponse<String> answer = post(fourReads);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        List<JsonNode> errors = errors(answer);
        assertThat(errors).hasSize(4).allSatisfy(error -> {
            assertThat(error.path("extensions").path("code").asString()).isEqualTo("STORAGE_UNAVAILABLE");
            assertThat(error.path("extensions").path("retryAfterSeconds").isInt()).isTrue();
        });
        System.out.println("four stalled calls answered in " + took.toMillis() + " ms");
        assertThat(took).as("four stalled calls, which took one call timeout each before")
                .isLessThan(CALL_TIMEOUT.minusSeconds(1));
    }

    /**
     * A search page sorted by rating reads every cell of its circle in parallel, on a pool of the directory
     * store's own: those calls are the request's too, and run within its deadline. Before, each cell query
     * kept its own call timeout on the pool's threads (4 s here).
     */
    @Test
    void aSearchWhoseCellQueriesRunOnAPoolAnswersWithinTheRequestsDeadline() throws Exception {
        String search = "{ searchDoctors(filter: {near: {latitude: -23.5505, longitude: -46.6333}, radiusKm: 10}, sort: RATING) { edges { node { id } } } }";
        assertThat(errors(post(search))).isEmpty();

        PROXY.failEvery(FaultyProxy.Fault.STALL);
        long started = System.nanoTime();
        HttpResponse<String> answer = post(search);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(errors(answer)).isNotEmpty().allSatisfy(error ->
                assertThat(error.path("extensions").path("code").asString()).isEqualTo("STORAGE_UNAVAILABLE"));
        System.out.println("a search while DynamoDB stalls answered in " + took.toMillis() + " ms");
        assertThat(took).as("a search whose cell queries kept their own call timeout").isLessThan(CALL_TIMEOUT.minusSeconds(1));
    }

    /**
     * Twenty-four requests at once, each waiting on a stalled DynamoDB for its call timeout: four run, and
     * the others get no turn within the queue wait and are answered SERVICE_BUSY with Retry-After at once
     * (before: all 24 ran, and each got STORAGE_UNAVAILABLE after its second, as many at once as the
     * connection pool of 200 allowed). Counted, not timed; never INTERNAL_ERROR.
     */
    @Test
    void aBurstBeyondTheInFlightLimitGetsServiceBusyWithRetryAfterAndNeverAnInternalError() throws Exception {
        PROXY.failEvery(FaultyProxy.Fault.STALL);
        int burst = 24;
        ExecutorService clients = Executors.newFixedThreadPool(burst);
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < burst; i++) {
                answers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                        return post("{ me { id } }");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, clients));
            }
            go.countDown();
            int busy = 0;
            for (CompletableFuture<HttpResponse<String>> each : answers) {
                HttpResponse<String> answer = each.get(30, TimeUnit.SECONDS);
                List<JsonNode> errors = errors(answer);
                assertThat(errors).as(answer.body()).hasSize(1);
                JsonNode extensions = errors.get(0).path("extensions");
                assertThat(extensions.path("code").asString()).isIn("SERVICE_BUSY", "STORAGE_UNAVAILABLE");
                assertThat(extensions.path("retryAfterSeconds").isInt()).isTrue();
                if (extensions.path("code").asString().equals("SERVICE_BUSY")) {
                    busy++;
                    assertThat(answer.statusCode()).isEqualTo(503);
                    assertThat(answer.headers().firstValue("Retry-After")).hasValue("1");
                }
            }
            assertThat(busy).as("requests shed beyond the %d in flight", MAX_IN_FLIGHT).isPositive();

            // every turn came back: more requests one after another than there are turns all get through
            PROXY.heal();
            for (int i = 0; i < MAX_IN_FLIGHT * 2; i++) {
                assertThat(errors(post("{ me { id } }"))).as("request %d after the burst", i).isEmpty();
            }
        } finally {
            clients.shutdownNow();
        }
    }

    private HttpResponse<String> post(String document) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/graphql-response+json")
                .header("Authorization", "Bearer " + accessToken)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", document))))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static List<JsonNode> errors(HttpResponse<String> answer) {
        List<JsonNode> errors = new ArrayList<>();
        JSON.readTree(answer.body()).path("errors").forEach(errors::add);
        return errors;
    }
}
