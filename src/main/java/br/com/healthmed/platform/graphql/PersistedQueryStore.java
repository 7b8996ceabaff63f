package br.com.healthmed.platform.graphql;

import java.util.Optional;

/**
 * The automatic persisted queries this instance knows: document text by its {@link DocumentHash}, as
 * clients registered them. Per instance and in memory, bounded like the {@link DocumentCache} (number
 * of documents, total characters, documents over the size limit not kept), least recently used first
 * out. Losing an entry costs a client one round trip: its hash-only request is answered
 * {@code PERSISTED_QUERY_NOT_FOUND} and it sends the query again, which registers it anew. So a
 * restart, an eviction or a request routed to another instance is never an error a user sees.
 */
final class PersistedQueryStore {

    private final int maxDocumentChars;
    private final TextLru<String> documents;

    PersistedQueryStore(int maxDocuments, long maxTotalChars, int maxDocumentChars) {
        this.maxDocumentChars = maxDocumentChars;
        this.documents = new TextLru<>(maxDocuments, maxTotalChars, entry -> entry.getKey().length() + entry.getValue().length());
    }

    Optional<String> find(String hash) {
        return Optional.ofNullable(documents.get(hash));
    }

    /** Keeps {@code document} under {@code hash}, which the caller checked is its {@link DocumentHash}. */
    void register(String hash, String document) {
        if (document.length() <= maxDocumentChars) {
            documents.put(hash, document);
        }
    }

    int size() {
        return documents.size();
    }
}
