package br.com.healthmed.platform.graphql;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * Installs the {@link PersistedQueryInterceptor}. {@code healthmed.graphql.persisted-queries.documents}
 * (default 2,000) bounds how many registered queries an instance keeps; like the document cache, all
 * of them hold at most 4 million characters and a document of more than 20,000 is not kept.
 *
 * <p>{@code healthmed.graphql.trusted-documents.enabled=true} (off by default in every profile) lets
 * only the documents of {@code healthmed.graphql.trusted-documents.manifest} run: a {@code classpath:}
 * or {@code file:} location or a plain file path. Start-up fails if the mode is on and the manifest is
 * missing, unreadable, empty or hashed with anything but SHA-256: a misconfigured production instance
 * must not start refusing every request, nor allowing every one.
 */
@Configuration(proxyBeanMethods = false)
class PersistedQueriesConfig {

    private static final Logger log = LoggerFactory.getLogger(PersistedQueriesConfig.class);

    @Bean
    PersistedQueryInterceptor persistedQueries(
            @Value("${healthmed.graphql.persisted-queries.documents:2000}") int documents,
            @Value("${healthmed.graphql.trusted-documents.enabled:false}") boolean trustedOnly,
            @Value("${healthmed.graphql.trusted-documents.manifest:}") String manifest) {
        PersistedQueryStore store = new PersistedQueryStore(documents, DocumentCacheConfig.MAX_TOTAL_CHARS, DocumentCacheConfig.MAX_DOCUMENT_CHARS);
        return new PersistedQueryInterceptor(store, trustedOnly ? trusted(manifest) : null);
    }

    private static TrustedDocuments trusted(String location) {
        if (location.isBlank()) {
            throw new IllegalStateException("healthmed.graphql.trusted-documents.enabled is true but "
                    + "healthmed.graphql.trusted-documents.manifest names no manifest.");
        }
        Resource resource = location.contains(":") ? new DefaultResourceLoader().getResource(location) : new FileSystemResource(location);
        TrustedDocuments trusted = TrustedDocuments.load(resource);
        log.info("Trusted-documents mode: only the {} documents of {} run", trusted.size(), resource.getDescription());
        return trusted;
    }
}
