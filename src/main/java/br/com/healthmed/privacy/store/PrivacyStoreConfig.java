package br.com.healthmed.privacy.store;

import br.com.healthmed.platform.storage.DynamoTable;
import br.com.healthmed.platform.storage.OnDynamoStorage;
import br.com.healthmed.platform.storage.OnMemoryStorage;
import br.com.healthmed.privacy.DataExportStore;
import br.com.healthmed.privacy.DeactivationStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses the privacy adapters by {@code healthmed.storage}. */
@Configuration(proxyBeanMethods = false)
class PrivacyStoreConfig {

    @Configuration(proxyBeanMethods = false)
    @OnMemoryStorage
    static class InMemory {

        @Bean
        DataExportStore dataExportStore() {
            return new InMemoryDataExportStore();
        }

        @Bean
        DeactivationStore deactivationStore() {
            return new InMemoryDeactivationStore();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @OnDynamoStorage
    static class Dynamo {

        @Bean
        DataExportStore dataExportStore(DynamoTable table) {
            return new DynamoDataExportStore(table);
        }

        @Bean
        DeactivationStore deactivationStore(DynamoTable table) {
            return new DynamoDeactivationStore(table);
        }
    }
}
