package br.com.healthmed.identity.api;

import static br.com.healthmed.identity.api.IdentityApiContract.assertCode;
import static br.com.healthmed.identity.api.IdentityApiContract.singleError;
import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.support.Api;
import br.com.healthmed.support.MutableClock;
import br.com.healthmed.support.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.ResponseError;

/**
 * Account self-service through the API, as its owner meets it: the security log. Run on both storage
 * adapters. The configuration is the notifications API tests' (the context is shared): the service's
 * clock is the test's, running from where a test puts it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "healthmed.security.jwt.access-token-ttl=P30D",
        "healthmed.scheduling.sweep-interval=PT1H",
        "healthmed.notifications.sweep-interval=PT1H",
        "healthmed.notifications.sweep-batch=1",
        "healthmed.web.app-url=https://app.healthmed.example"})
@Import(TestClock.class)
abstract class AccountApiContract {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final String EVENTS = """
            query($first: Int, $after: String) {
              mySecurityEvents(first: $first, after: $after) {
                edges { cursor node { kind at clientNetwork } }
                pageInfo { hasNextPage endCursor }
              }
            }""";

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    Api api;

    @BeforeEach
    void connect() {
        clock.flowFrom(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        api = Api.at(port);
    }

    // --- security log ---------------------------------------------------------------------------

    @Test
    void logInsLogoutsAndAReusedRefreshTokenAreInTheOwnersLogNewestFirstWithTheirNetwork() {
        Map<String, Object> input = Api.newPatient();
        String token = (String) api.registerPatient(input).get("accessToken");
        Api fromHome = from("203.0.113.45");
        Map<String, Object> first = login(fromHome, input);
        assertCode(fromHome.document("loginPatient").variable("login", input.get("email")).variable("password", "wrong password 1"),
                "INVALID_CREDENTIALS");
        awaitKinds(token, List.of("LOGIN_FAILED", "LOGIN_SUCCEEDED"));

        String used = (String) first.get("refreshToken");
        fromHome.document("refreshSession").variable("refreshToken", used).execute().path("refreshSession.accessToken").hasValue();
        assertCode(from("2001:db8:1234:5678::9").document("refreshSession").variable("refreshToken", used), "INVALID_REFRESH_TOKEN");
        Map<String, Object> second = login(fromHome, input);
        fromHome.document("logout").variable("refreshToken", second.get("refreshToken")).execute().path("logout").hasValue();

        List<Map<String, Object>> events = events(token);
        assertThat(events).extracting(e -> e.get("kind"))
                .containsExactly("LOGGED_OUT", "LOGIN_SUCCEEDED", "SESSION_REVOKED_REUSE", "LOGIN_FAILED", "LOGIN_SUCCEEDED");
        assertThat(events).extracting(e -> e.get("clientNetwork"))
                .containsExactly("203.0.113.0/24", "203.0.113.0/24", "2001:db8:1234::/48", "203.0.113.0/24", "203.0.113.0/24");
        assertThat(events.toString()).doesNotContain("203.0.113.45", "5678");
    }

    @Test
    void aWrongPasswordForAnUnknownLoginLeavesNoTraceAndTheSameAnswer() {
        Map<String, Object> input = Api.newPatient();
        String token = (String) api.registerPatient(input).get("accessToken");

        ResponseError unknown = singleError(api.document("loginPatient")
                .variable("login", "ninguem." + System.nanoTime() + "@example.com").variable("password", "wrong password 1"));
        ResponseError known = singleError(api.document("loginPatient")
                .variable("login", input.get("email")).variable("password", "wrong password 1"));

        assertThat(unknown.getExtensions()).isEqualTo(known.getExtensions());
        assertThat(unknown.getMessage()).isEqualTo(known.getMessage());
        awaitKinds(token, List.of("LOGIN_FAILED"));
    }

    @Test
    void theLogIsReadPageByPageAndOnlyByItsOwner() {
        Map<String, Object> input = Api.newPatient();
        String token = (String) api.registerPatient(input).get("accessToken");
        for (int i = 0; i < 5; i++) {
            login(api, input);
        }

        List<String> cursors = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            Map<String, Object> page = api.as(token).tester().document(EVENTS).variable("first", 2).variable("after", after)
                    .execute().path("mySecurityEvents").entity(Map.class).get();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> edges = (List<Map<String, Object>>) page.get("edges");
            edges.forEach(edge -> cursors.add((String) edge.get("cursor")));
            @SuppressWarnings("unchecked")
            Map<String, Object> info = (Map<String, Object>) page.get("pageInfo");
            after = Boolean.TRUE.equals(info.get("hasNextPage")) ? (String) info.get("endCursor") : null;
            pages++;
        } while (after != null);

        assertThat(pages).isEqualTo(3);
        assertThat(cursors).hasSize(5).doesNotHaveDuplicates();
        String someoneElse = (String) api.registerPatient(Api.newPatient()).get("accessToken");
        assertThat(events(someoneElse)).isEmpty();
        assertCode(api.tester().document(EVENTS), "UNAUTHENTICATED");
        ResponseError badCursor = singleError(api.as(token).tester().document(EVENTS).variable("after", "bm90IGEgY3Vyc29y"));
        assertThat(badCursor.getExtensions()).containsEntry("code", "BAD_USER_INPUT").containsEntry("field", "after");
        ResponseError tooMany = singleError(api.as(token).tester().document(EVENTS).variable("first", 101));
        assertThat(tooMany.getExtensions()).containsEntry("code", "BAD_USER_INPUT").containsEntry("field", "first");
    }

    // --- helpers --------------------------------------------------------------------------------

    /** A client whose requests a trusted proxy (loopback, in the local profile) forwards for {@code address}. */
    Api from(String address) {
        return Api.at(port).withHeader("X-Forwarded-For", address);
    }

    static Map<String, Object> login(Api client, Map<String, Object> input) {
        return client.document("loginPatient").variable("login", input.get("email")).variable("password", input.get("password"))
                .execute().path("loginPatient").entity(Map.class).get();
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> events(String token) {
        List<Map<String, Object>> edges = api.as(token).tester().document(EVENTS).variable("first", 100).execute()
                .path("mySecurityEvents.edges").entity(List.class).get();
        return edges.stream().map(edge -> (Map<String, Object>) edge.get("node")).toList();
    }

    /** Some entries are written after the answer (a failed login): wait for the log to read as expected. */
    void awaitKinds(String token, List<String> kinds) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            List<Object> found = events(token).stream().map(e -> e.get("kind")).toList();
            if (found.equals(kinds)) {
                return;
            }
            assertThat(Instant.now()).as("security log %s, expected %s", found, kinds).isBefore(deadline);
            pause();
        }
    }

    static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
