package br.com.healthmed.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.support.NodeTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The manifest trusted-documents mode reads is the one front-end builds produce: GraphQL Code
 * Generator's client preset ({@code persistedDocuments: true}), run here on the test's operations
 * against our schema, writes exactly the {@code persisted-documents.json} TrustedDocumentsApiTest
 * uses, and {@link TrustedDocuments} loads it.
 */
class TrustedManifestFormatTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path OPERATIONS = Path.of("src/test/resources/trusted-documents/operations.graphql");
    private static final Path COMMITTED = Path.of("src/test/resources/trusted-documents/persisted-documents.json");

    @Test
    void theClientPresetWritesTheManifestWeRead() throws IOException {
        Path out = Files.createDirectories(Path.of("target/trusted-documents-codegen"));
        Path config = out.resolve("codegen.json");
        Files.writeString(config, JSON.writeValueAsString(Map.of(
                "schema", Path.of("schema").toAbsolutePath() + "/*.graphqls",
                "documents", List.of(OPERATIONS.toAbsolutePath().toString()),
                "generates", Map.of(out.toAbsolutePath() + "/gql/", Map.of(
                        "preset", "client",
                        "presetConfig", Map.of("persistedDocuments", true))))));

        NodeTools.Run codegen = NodeTools.bin("graphql-codegen", List.of("--config", config.toString()), Duration.ofMinutes(2));

        assertThat(codegen.succeeded()).as(codegen.output()).isTrue();
        Path generated = out.resolve("gql/persisted-documents.json");
        assertThat(JSON.readTree(generated.toFile())).isEqualTo(JSON.readTree(COMMITTED.toFile()));
        TrustedDocuments loaded = TrustedDocuments.load(new org.springframework.core.io.FileSystemResource(generated));
        assertThat(loaded.size()).isEqualTo(2);
    }
}
