package br.com.healthmed.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.platform.graphql.ApolloPersistedQueryClient.Exchange;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Trusted-documents mode with a manifest GraphQL Code Generator's client preset wrote
 * (src/test/resources/trusted-documents: the operations and the {@code persisted-documents.json} made
 * from them, keys {@code sha256:<hex>}): a listed operation runs by its hash alone or as text, anything
 * else is refused, and the warm-up still runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "healthmed.graphql.trusted-documents.enabled=true",
        "healthmed.graphql.trusted-documents.manifest=classpath:trusted-documents/persisted-documents.json",
        "healthmed.warm-up.rounds=3", "healthmed.warm-up.budget=PT60S"})
class TrustedDocumentsApiTest {

    @LocalServerPort
    int port;

    @Autowired
    WarmUp warmUp;

    @Test
    void aListedOperationRunsByItsIdAloneAsTheCodegenClientSendsIt() throws IOException {
        Map<String, String> manifest = manifest();
        String id = manifest.keySet().stream().filter(key -> manifest.get(key).startsWith("query Specialties")).findFirst().orElseThrow();
        ApolloPersistedQueryClient client = new ApolloPersistedQueryClient(port);

        Exchange prefixed = client.hashOnly(id); // the generated document's __meta__.hash: sha256:<hex>
        Exchange plainHex = client.hashOnly(id.substring("sha256:".length()));

        assertThat(prefixed.errors()).isEmpty();
        assertThat(prefixed.body()).containsKey("data");
        assertThat(plainHex.body()).isEqualTo(prefixed.body());
    }

    @Test
    void aListedOperationRunsAsText() throws IOException {
        String listed = manifest().values().stream().filter(text -> text.startsWith("query Specialties")).findFirst().orElseThrow();

        Exchange answered = new ApolloPersistedQueryClient(port).plain(listed);

        assertThat(answered.errors()).isEmpty();
        assertThat(answered.body()).containsKey("data");
    }

    @Test
    void anyOtherTextIsRefusedEvenAValidOne() {
        ApolloPersistedQueryClient client = new ApolloPersistedQueryClient(port);

        Exchange unlisted = client.plain("{ specialties { code } }");
        Exchange reformatted = client.plain("query Specialties {\n  specialties { code name }\n}"); // not the listed text

        for (Exchange refused : new Exchange[] {unlisted, reformatted}) {
            assertThat(refused.code()).contains("OPERATION_NOT_TRUSTED");
            assertThat(refused.body()).containsOnlyKeys("errors");
        }
    }

    @Test
    void theApolloLinkWithAnUnlistedOperationEndsRefusedAndRegistersNothing() {
        ApolloPersistedQueryClient apollo = new ApolloPersistedQueryClient(port);
        String unlisted = "query Mine { specialties { code } }";

        Exchange last = apollo.execute(unlisted);

        assertThat(apollo.exchanges()).extracting(exchange -> exchange.code().orElse("OK"))
                .containsExactly("PERSISTED_QUERY_NOT_FOUND", "OPERATION_NOT_TRUSTED");
        assertThat(last.body()).containsOnlyKeys("errors");
        assertThat(apollo.hashOnly(ApolloPersistedQueryClient.sha256(unlisted)).code()).contains("PERSISTED_QUERY_NOT_FOUND");
    }

    @Test
    void theWarmUpStillRuns() {
        assertThat(warmUp.answers()).containsOnlyKeys("OK", "UNAUTHENTICATED");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> manifest() throws IOException {
        try (var in = new ClassPathResource("trusted-documents/persisted-documents.json").getInputStream()) {
            return JsonMapper.builder().build().readValue(in, Map.class);
        }
    }
}
