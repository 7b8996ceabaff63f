package br.com.healthmed.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.platform.graphql.ApolloPersistedQueryClient.Exchange;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Automatic persisted queries over real HTTP, as Apollo's persisted-query link uses them: an unknown
 * hash is answered PERSISTED_QUERY_NOT_FOUND, the link's retry with the query registers it, and from
 * then on the hash alone runs it. Only 2 documents are kept here, to see the bound at work.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "healthmed.graphql.persisted-queries.documents=2")
class PersistedQueriesApiTest {

    /** Each test's own documents, so no test finds another's registration. */
    private static final AtomicInteger ALIAS = new AtomicInteger();

    @LocalServerPort
    int port;

    @Test
    @SuppressWarnings("unchecked")
    void theApolloLinksDanceMissThenRegisterThenHashOnlyHits() {
        ApolloPersistedQueryClient apollo = new ApolloPersistedQueryClient(port);
        String query = freshQuery();

        Exchange answered = apollo.execute(query);

        assertThat(apollo.exchanges()).hasSize(2);
        Exchange miss = apollo.exchanges().get(0);
        assertThat(miss.sent()).doesNotContainKey("query");
        assertThat(miss.body()).containsOnlyKeys("errors");
        assertThat(miss.errors()).singleElement().satisfies(error -> {
            assertThat(error).containsEntry("message", "PersistedQueryNotFound");
            assertThat((Map<String, Object>) error.get("extensions")).containsEntry("code", "PERSISTED_QUERY_NOT_FOUND");
        });
        // a request error under graphql-response+json: 4xx, which the link reads from the error's body
        assertThat(miss.status()).isEqualTo(400);
        assertThat(miss.contentType()).startsWith("application/graphql-response+json");
        assertThat(miss.cacheControl()).as("no cache keeps a miss").contains("no-store");
        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.errors()).isEmpty();
        assertThat(answered.body()).containsKey("data");

        Exchange hit = apollo.hashOnly(ApolloPersistedQueryClient.sha256(query));
        assertThat(hit.errors()).isEmpty();
        assertThat(hit.body().get("data")).isEqualTo(answered.body().get("data"));
        // the next session's link: one round trip
        ApolloPersistedQueryClient next = new ApolloPersistedQueryClient(port);
        assertThat(next.execute(query).errors()).isEmpty();
        assertThat(next.exchanges()).hasSize(1);
    }

    @Test
    void underApplicationJsonTheMissIs200() {
        ApolloPersistedQueryClient jsonOnly = new ApolloPersistedQueryClient(port, "application/json");

        Exchange miss = jsonOnly.hashOnly(ApolloPersistedQueryClient.sha256(freshQuery()));

        assertThat(miss.status()).isEqualTo(200);
        assertThat(miss.code()).contains("PERSISTED_QUERY_NOT_FOUND");
    }

    @Test
    void aHashThatIsNotTheQuerysIsRefusedAndRegistersNothing() {
        ApolloPersistedQueryClient client = new ApolloPersistedQueryClient(port);
        String query = freshQuery();
        String someoneElses = ApolloPersistedQueryClient.sha256(freshQuery());

        Exchange refused = client.withQuery(query, someoneElses);

        assertThat(refused.code()).contains("PERSISTED_QUERY_HASH_MISMATCH");
        assertThat(refused.body()).containsOnlyKeys("errors");
        assertThat(client.hashOnly(someoneElses).code()).as("the hash claimed").contains("PERSISTED_QUERY_NOT_FOUND");
        assertThat(client.hashOnly(ApolloPersistedQueryClient.sha256(query)).code()).as("the query's own hash")
                .contains("PERSISTED_QUERY_NOT_FOUND");
    }

    @Test
    void aDocumentThatDoesNotValidateIsNotRegistered() {
        ApolloPersistedQueryClient client = new ApolloPersistedQueryClient(port);
        String invalid = "query Invalid" + ALIAS.incrementAndGet() + " { noSuchField }";

        assertThat(client.execute(invalid).code()).contains("GRAPHQL_VALIDATION_FAILED");

        assertThat(client.hashOnly(ApolloPersistedQueryClient.sha256(invalid)).code()).contains("PERSISTED_QUERY_NOT_FOUND");
    }

    @Test
    void onlyVersionOneWithAHashIsUnderstood() {
        ApolloPersistedQueryClient client = new ApolloPersistedQueryClient(port);
        String hash = ApolloPersistedQueryClient.sha256(freshQuery());

        assertThat(client.withExtension(ApolloPersistedQueryClient.persistedQuery(2, hash)).code()).contains("PERSISTED_QUERY_INVALID");
        assertThat(client.withExtension(Map.of("version", 1)).code()).contains("PERSISTED_QUERY_INVALID");
        assertThat(client.withExtension("yes").code()).contains("PERSISTED_QUERY_INVALID");
    }

    @Test
    void theStoreKeepsTheMostRecentlyUsedAndEvictsTheRest() {
        ApolloPersistedQueryClient client = new ApolloPersistedQueryClient(port);
        String first = freshQuery();
        String second = freshQuery();
        String third = freshQuery();
        client.execute(first);
        client.execute(second);
        client.hashOnly(ApolloPersistedQueryClient.sha256(first)); // first is now the most recently used
        client.execute(third); // over the bound of 2: second goes

        assertThat(client.hashOnly(ApolloPersistedQueryClient.sha256(second)).code()).contains("PERSISTED_QUERY_NOT_FOUND");
        assertThat(client.hashOnly(ApolloPersistedQueryClient.sha256(first)).errors()).isEmpty();
        assertThat(client.hashOnly(ApolloPersistedQueryClient.sha256(third)).errors()).isEmpty();
        // evicted is no error a user sees: the link's retry registers it again
        ApolloPersistedQueryClient link = new ApolloPersistedQueryClient(port);
        assertThat(link.execute(second).errors()).isEmpty();
        assertThat(link.exchanges()).hasSize(2);
    }

    @Test
    void aPlainRequestIsUntouched() {
        Exchange plain = new ApolloPersistedQueryClient(port).plain("{ specialties { code } }");

        assertThat(plain.errors()).isEmpty();
        assertThat(plain.body()).containsKey("data");
    }

    /** A query no other test sends: its own alias. */
    private static String freshQuery() {
        return "query Specialties {\n  s" + ALIAS.incrementAndGet() + ": specialties {\n    code\n    name\n  }\n}";
    }
}
