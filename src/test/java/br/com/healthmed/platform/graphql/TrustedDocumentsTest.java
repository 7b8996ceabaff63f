package br.com.healthmed.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;

/** A manifest that would not do what its operator meant stops the start instead of refusing (or allowing) everything. */
class TrustedDocumentsTest {

    private static final String DOCUMENT = "query Typename { __typename }";

    @Test
    void keysArePrefixedOrPlainSha256Hex() {
        String hash = DocumentHash.sha256(DOCUMENT);

        TrustedDocuments prefixed = TrustedDocuments.load(manifest("{\"sha256:" + hash + "\": \"" + DOCUMENT + "\"}"));
        TrustedDocuments plain = TrustedDocuments.load(manifest("{\"" + hash.toUpperCase() + "\": \"" + DOCUMENT + "\"}"));

        assertThat(prefixed.find(hash)).contains(DOCUMENT);
        assertThat(plain.find(hash)).contains(DOCUMENT);
    }

    @Test
    void aManifestHashedWithSha1IsRefused() {
        // what the client preset writes with hashAlgorithm: 'sha1'
        String sha1 = "3f2d5e1c0b9a8e7d6c5b4a3928171605f4e3d2c1";

        assertThatThrownBy(() -> TrustedDocuments.load(manifest("{\"" + sha1 + "\": \"" + DOCUMENT + "\"}")))
                .hasMessageContaining(sha1).hasMessageContaining("sha256");
    }

    @Test
    void anEmptyOrUnreadableManifestIsRefused() {
        assertThatThrownBy(() -> TrustedDocuments.load(manifest("{}"))).hasMessageContaining("no document");
        assertThatThrownBy(() -> TrustedDocuments.load(manifest("[\"" + DOCUMENT + "\"]"))).hasMessageContaining("cannot be read");
    }

    @Test
    void theModeWithoutAManifestDoesNotStart() {
        assertThatThrownBy(() -> new PersistedQueriesConfig().persistedQueries(10, true, ""))
                .hasMessageContaining("healthmed.graphql.trusted-documents.manifest");
    }

    private static ByteArrayResource manifest(String json) {
        return new ByteArrayResource(json.getBytes(StandardCharsets.UTF_8), "test manifest");
    }
}
