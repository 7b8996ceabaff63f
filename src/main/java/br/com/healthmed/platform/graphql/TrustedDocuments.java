package br.com.healthmed.platform.graphql;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The manifest of trusted documents: the only operations that run when trusted-documents mode is on.
 * Its format is the {@code persisted-documents.json} GraphQL Code Generator's client preset writes
 * ({@code persistedDocuments: true}, whose hash is SHA-256): one JSON object, each key the SHA-256 of
 * the document text that is its value, as {@code sha256:<hex>} or plain hex. The front-end build produces it with the app, so the list
 * changes with each release of an app, never at run time.
 *
 * <p>Loading checks each key against its text. A manifest written with another hash (the preset's
 * {@code hashAlgorithm: 'sha1'}) would otherwise match nothing and refuse every request; it fails
 * start-up instead.
 */
final class TrustedDocuments {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, String> documents;

    private TrustedDocuments(Map<String, String> documents) {
        this.documents = Map.copyOf(documents);
    }

    static TrustedDocuments load(Resource manifest) {
        Map<String, String> documents;
        try (InputStream in = manifest.getInputStream()) {
            documents = JSON.readValue(in, new TypeReference<Map<String, String>>() {});
        } catch (IOException | JacksonException e) {
            throw new IllegalStateException("Trusted-documents manifest " + manifest.getDescription()
                    + " cannot be read as {\"<sha256>\": \"<document>\"}: " + e.getMessage(), e);
        }
        if (documents == null || documents.isEmpty()) {
            throw new IllegalStateException("Trusted-documents manifest " + manifest.getDescription()
                    + " lists no document: every operation would be refused.");
        }
        Map<String, String> byHash = new HashMap<>();
        documents.forEach((key, document) -> {
            if (document == null || !DocumentHash.sha256(document).equals(DocumentHash.id(key))) {
                throw new IllegalStateException("Trusted-documents manifest " + manifest.getDescription() + ": key " + key
                        + " is not the SHA-256 of its document (generate it with persistedDocuments.hashAlgorithm 'sha256').");
            }
            byHash.put(DocumentHash.id(key), document);
        });
        return new TrustedDocuments(byHash);
    }

    Optional<String> find(String hash) {
        return Optional.ofNullable(documents.get(hash));
    }

    boolean contains(String hash) {
        return documents.containsKey(hash);
    }

    int size() {
        return documents.size();
    }
}
