package br.com.healthmed.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.support.Api;
import br.com.healthmed.support.Sockets;
import br.com.healthmed.support.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.context.annotation.Primary;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import reactor.test.StepVerifier;

/**
 * An access token stops working at its expiry, on every transport: an HTTP request gets 401 with
 * TOKEN_EXPIRED (so the client knows to refresh), and a WebSocket connection authenticated at
 * connection_init refuses new operations and ends running subscriptions with TOKEN_EXPIRED.
 * Access tokens live 2 seconds here; the clock is the service's, moved by the test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "healthmed.security.jwt.access-token-ttl=PT2S")
class AccessTokenExpiryTest {

    @TestConfiguration
    static class FrozenClock {
        @Bean
        @Primary
        MutableClock frozenClock() {
            return new MutableClock(Instant.now());
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    @RegisterExtension
    final Sockets sockets = new Sockets();

    private WebSocketGraphQlTester connect(String accessToken) {
        return sockets.connect(port, accessToken);
    }

    @Test
    void anHttpRequestWithAnExpiredTokenGets401TokenExpiredAndTheRefreshedTokenWorks() {
        Api api = Api.at(port);
        var session = api.registerPatient(Api.newPatient());
        api.as((String) session.get("accessToken")).document("me").execute().path("me.id").hasValue();

        ((MutableClock) clock).advance(Duration.ofSeconds(2));

        // Readable under both media types: Apollo Client 4 and urql read a graphql-response+json body
        // whatever the status; a legacy client gets the same body as application/json.
        for (MediaType accepted : List.of(MediaType.APPLICATION_GRAPHQL_RESPONSE, MediaType.APPLICATION_JSON)) {
            WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build()
                    .post().uri("/graphql")
                    .header("Authorization", "Bearer " + session.get("accessToken"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(accepted)
                    .bodyValue("{\"query\":\"{ me { id } }\"}")
                    .exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().valueMatches("WWW-Authenticate", "Bearer.*")
                    .expectHeader().contentTypeCompatibleWith(accepted)
                    .expectBody()
                    .jsonPath("$.errors[0].extensions.code").isEqualTo("TOKEN_EXPIRED")
                    .jsonPath("$.errors[0].message").isNotEmpty()
                    .jsonPath("$.data").doesNotExist()
                    .jsonPath("$.timestamp").doesNotExist();
        }
        String fresh = api.document("refreshSession").variable("refreshToken", session.get("refreshToken")).execute()
                .path("refreshSession.accessToken").entity(String.class).get();
        api.as(fresh).document("me").execute().path("me.id").hasValue();
    }

    @Test
    void afterTheTokenExpiresNewOperationsOnTheConnectionAreRefused() {
        WebSocketGraphQlTester tester = connect((String) Api.at(port).registerPatient(Api.newPatient()).get("accessToken"));
        tester.document("{ me { id } }").execute().path("me.id").hasValue();

        ((MutableClock) clock).advance(Duration.ofSeconds(2));

        tester.document("{ me { id } }").execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "TOKEN_EXPIRED")));
    }

    @Test
    void aRunningSubscriptionEndsWithTokenExpiredWhenTheTokenExpires() {
        WebSocketGraphQlTester tester = connect((String) Api.at(port).registerPatient(Api.newPatient()).get("accessToken"));

        StepVerifier.create(tester.document("subscription { sessionEnded { reason } }").executeSubscription().toFlux())
                .assertNext(response -> response.errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "TOKEN_EXPIRED"))))
                .expectComplete()
                .verify(Duration.ofSeconds(10));
    }
}
