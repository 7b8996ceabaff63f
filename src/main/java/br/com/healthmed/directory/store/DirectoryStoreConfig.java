package br.com.healthmed.directory.store;

import br.com.healthmed.directory.DirectoryStore;
import br.com.healthmed.platform.storage.DynamoTable;
import br.com.healthmed.platform.storage.OnDynamoStorage;
import br.com.healthmed.platform.storage.OnMemoryStorage;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses the directory adapter by {@code healthmed.storage}. */
@Configuration(proxyBeanMethods = false)
class DirectoryStoreConfig {

    @Bean
    @OnMemoryStorage
    DirectoryStore inMemoryDirectoryStore() {
        return new InMemoryDirectoryStore();
    }

    /** {@code healthmed.directory.parallel-queries}: how many index queries one instance runs at once, all searches together. */
    @Bean(destroyMethod = "close")
    @OnDynamoStorage
    DirectoryStore dynamoDirectoryStore(DynamoTable table,
                                        @Value("${healthmed.directory.parallel-queries:32}") int parallelQueries,
                                        Clock clock) {
        return new DynamoDirectoryStore(table, parallelQueries, clock);
    }
}
