package br.com.healthmed.platform.graphql;

import br.com.healthmed.platform.error.ErrorCode;
import br.com.healthmed.platform.error.PlatformErrors;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import reactor.core.publisher.Mono;

/**
 * Persisted queries, per Apollo's automatic persisted queries protocol: a request may carry
 * {@code extensions.persistedQuery = {version: 1, sha256Hash}} and leave out {@code query}.
 *
 * <ul>
 *   <li>Hash only: the document registered under the hash runs; an unknown hash is answered
 *       {@code PERSISTED_QUERY_NOT_FOUND} (message {@code PersistedQueryNotFound}), on which Apollo's
 *       link sends the request again with the query.</li>
 *   <li>Query and hash: the hash must be the query's SHA-256 ({@code PERSISTED_QUERY_HASH_MISMATCH}
 *       otherwise, nothing run or kept, so no one can file a document under another's hash). The
 *       document is registered once it ran, i.e. parsed, passed validation and the query limits:
 *       a document that never runs is never kept.</li>
 * </ul>
 *
 * <p>In trusted-documents mode ({@link TrustedDocuments}) the manifest takes the place of the
 * registrations: a hash resolves only to a listed document, nothing is registered, and a query sent
 * as text runs only if its own hash is listed ({@code OPERATION_NOT_TRUSTED} otherwise; a hash sent
 * with it is not checked, as nothing is filed under it). The
 * {@link WarmUp}'s in-process requests are exempt, so an instance still warms up.
 *
 * <p>It reads the extensions of the {@link WebGraphQlRequest}, so it works for every transport that
 * fills them: a POST body, a GET's {@code extensions} parameter, a WebSocket {@code subscribe}.
 * Refusals have no {@code data}, so no HTTP cache is told it may keep them (a miss must not be kept
 * for a GET: the retry registers the document).
 * graphql-java's own persisted-query support is a {@code PreparsedDocumentProvider}, a place our
 * {@link DocumentCache} holds; doing this before execution also keeps a miss from costing a parse.
 */
final class PersistedQueryInterceptor implements WebGraphQlInterceptor {

    static final String NOT_FOUND_MESSAGE = "PersistedQueryNotFound";

    private final PersistedQueryStore store;
    private final @Nullable TrustedDocuments trusted;

    /** {@code trusted}: the manifest when trusted-documents mode is on, else {@code null}. */
    PersistedQueryInterceptor(PersistedQueryStore store, @Nullable TrustedDocuments trusted) {
        this.store = store;
        this.trusted = trusted;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Object extension = request.getExtensions().get("persistedQuery");
        Optional<String> text = text(request);
        if (extension == null) {
            boolean refused = trusted != null && text.isPresent() && !trustedOrExempt(request, DocumentHash.sha256(text.get()));
            return refused ? notTrusted(request) : chain.next(request);
        }
        Optional<String> hash = hash(extension);
        if (hash.isEmpty()) {
            return refuse(request, PlatformErrors.PERSISTED_QUERY_INVALID,
                    "extensions.persistedQuery must be {\"version\": 1, \"sha256Hash\": \"<SHA-256 of the query, hex>\"}.");
        }
        if (text.isEmpty()) {
            Optional<String> known = trusted != null ? trusted.find(hash.get()) : store.find(hash.get());
            if (known.isEmpty()) {
                return refuse(request, PlatformErrors.PERSISTED_QUERY_NOT_FOUND, NOT_FOUND_MESSAGE);
            }
            request.configureExecutionInput((input, builder) -> builder.query(known.get()).build());
            return chain.next(request);
        }
        String actual = DocumentHash.sha256(text.get());
        if (trusted != null) { // nothing is registered: the text alone decides
            return trustedOrExempt(request, actual) ? chain.next(request) : notTrusted(request);
        }
        if (!actual.equals(hash.get())) {
            return refuse(request, PlatformErrors.PERSISTED_QUERY_HASH_MISMATCH,
                    "extensions.persistedQuery.sha256Hash is not the SHA-256 of the query sent.");
        }
        return chain.next(request).doOnNext(response -> {
            // data present: the document parsed, validated and started; refused ones have none
            if (response.getExecutionResult().isDataPresent()) {
                store.register(hash.get(), text.get());
            }
        });
    }

    /**
     * The query sent, if any. Spring for GraphQL gives a request that has a persisted-query extension
     * and no query graphql-java's placeholder text instead; a transport may give an empty one.
     */
    private static Optional<String> text(WebGraphQlRequest request) {
        String document = request.getDocument();
        return document == null || document.isBlank() || PersistedQuerySupport.PERSISTED_QUERY_MARKER.equals(document)
                ? Optional.empty() : Optional.of(document);
    }

    /** The hash of a well-formed version 1 extension, as {@link DocumentHash#id} reads it. */
    private static Optional<String> hash(Object extension) {
        if (!(extension instanceof Map<?, ?> fields) || !(fields.get("version") instanceof Number version)
                || version.doubleValue() != 1 || !(fields.get("sha256Hash") instanceof String hash) || hash.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(DocumentHash.id(hash));
    }

    private boolean trustedOrExempt(WebGraphQlRequest request, String hash) {
        return trusted == null || trusted.contains(hash) || WarmUp.isWarmUp(request);
    }

    private static Mono<WebGraphQlResponse> notTrusted(WebGraphQlRequest request) {
        return refuse(request, PlatformErrors.OPERATION_NOT_TRUSTED,
                "Only the operations of the released apps run here; this one is not among them.");
    }

    private static Mono<WebGraphQlResponse> refuse(WebGraphQlRequest request, ErrorCode code, String message) {
        ExecutionResult result = ExecutionResult.newExecutionResult().addError(GraphqlErrorBuilder.newError()
                .errorType(code.errorType()).message(message).extensions(Map.of("code", code.name())).build()).build();
        WebGraphQlResponse response = new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
        return Mono.just(response);
    }
}
