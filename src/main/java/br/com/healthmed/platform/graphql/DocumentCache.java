package br.com.healthmed.platform.graphql;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

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

    private final int maxDocumentChars;
    private final TextLru<PreparsedDocumentEntry> entries;

    DocumentCache(int maxDocuments, long maxTotalChars, int maxDocumentChars) {
        this.maxDocumentChars = maxDocumentChars;
        this.entries = new TextLru<>(maxDocuments, maxTotalChars, entry -> entry.getKey().length());
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
                                                                     Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        String query = input.getQuery();
        PreparsedDocumentEntry cached = entries.get(query);
        if (cached != null) {
            return CompletableFuture.completedFuture(cached);
        }
        PreparsedDocumentEntry entry = parseAndValidate.apply(input);
        if (!entry.hasErrors() && query.length() <= maxDocumentChars) {
            entries.put(query, entry);
        }
        return CompletableFuture.completedFuture(entry);
    }

    /** How many documents are kept now. */
    int size() {
        return entries.size();
    }
}
