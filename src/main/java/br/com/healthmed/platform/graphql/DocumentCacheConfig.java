package br.com.healthmed.platform.graphql;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Installs the {@link DocumentCache}. {@code healthmed.graphql.document-cache.documents} (default
 * 1,000) bounds how many documents are kept; documents of more than 20,000 characters are not kept,
 * and all kept documents together hold at most 4 million characters.
 */
@Configuration(proxyBeanMethods = false)
class DocumentCacheConfig {

    static final long MAX_TOTAL_CHARS = 4_000_000;
    static final int MAX_DOCUMENT_CHARS = 20_000;

    @Bean
    GraphQlSourceBuilderCustomizer documentCache(@Value("${healthmed.graphql.document-cache.documents:1000}") int documents) {
        return builder -> builder.configureGraphQl(graphQl ->
                graphQl.preparsedDocumentProvider(new DocumentCache(documents, MAX_TOTAL_CHARS, MAX_DOCUMENT_CHARS)));
    }
}
