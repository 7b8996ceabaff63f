package br.com.healthmed.consent.store;

import br.com.healthmed.consent.ConsentStore;
import br.com.healthmed.platform.storage.DynamoTable;
import br.com.healthmed.platform.storage.OnDynamoStorage;
import br.com.healthmed.platform.storage.OnMemoryStorage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses the consent adapter by {@code healthmed.storage}. */
@Configuration(proxyBeanMethods = false)
class ConsentStoreConfig {

    @Bean
    @OnMemoryStorage
    ConsentStore inMemoryConsentStore() {
        return new InMemoryConsentStore();
    }

    @Bean
    @OnDynamoStorage
    ConsentStore dynamoConsentStore(DynamoTable table) {
        return new DynamoConsentStore(table);
    }
}
