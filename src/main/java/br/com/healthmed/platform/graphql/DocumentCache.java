package br.com.healthmed.platform.graphql;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Parsed and validated documents by their query text, so that a client sending the same query again
 * (with other variables) skips parsing and validation, about a tenth of a small request's CPU time.
 * Validation depends on the document and the schema only, and there is one cache per
 * {@code GraphQL} instance, i.e. per schema; variables, operation name and caller are not part of
 * the key because they are not part of validation.
 *
 * <p>Only documents that parsed and validated without error are kept: a refused document is refused
 * again each time it comes, through the whole check. Checks that run during execution (the query
 * limits at {@code beginExecuteOperation}) run for cached documents as for new ones. A check added
 * at {@code beginValidation} would run only the first time a document is seen; that is sound only
 * while its verdict depends on the document alone (as the depth and field limits do), since a
 * document it refuses is never cached.
 *
 * <p>Bounded by the number of documents and by their total length (a client can send any text, and
 * a flood of distinct documents must not fill the heap); least recently used first out.
 */
final class DocumentCache implements PreparsedDocumentProvider {

    private final int maxDocuments;
    private final long maxTotalChars;
    private final int maxDocumentChars;
    private final Map<String, PreparsedDocumentEntry> entries;
    private long totalChars;

    DocumentCache(int maxDocuments, long maxTotalChars, int maxDocumentChars) {
        this.maxDocuments = maxDocuments;
        this.maxTotalChars = maxTotalChars;
        this.maxDocumentChars = maxDocumentChars;
        this.entries = new LinkedHashMap<>(16, 0.75f, true);
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
                                                                     Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        String query = input.getQuery();
        PreparsedDocumentEntry cached = get(query);
        if (cached != null) {
            return CompletableFuture.completedFuture(cached);
        }
        PreparsedDocumentEntry entry = parseAndValidate.apply(input);
        if (!entry.hasErrors() && query.length() <= maxDocumentChars) {
            put(query, entry);
        }
        return CompletableFuture.completedFuture(entry);
    }

    /** How many documents are kept now. */
    synchronized int size() {
        return entries.size();
    }

    private synchronized @Nullable PreparsedDocumentEntry get(String query) {
        return entries.get(query);
    }

    private synchronized void put(String query, PreparsedDocumentEntry entry) {
        if (entries.putIfAbsent(query, entry) != null) {
            return;
        }
        totalChars += query.length();
        var eldest = entries.entrySet().iterator();
        while (entries.size() > maxDocuments || totalChars > maxTotalChars) {
            String evicted = eldest.next().getKey();
            eldest.remove();
            totalChars -= evicted.length();
        }
    }
}
