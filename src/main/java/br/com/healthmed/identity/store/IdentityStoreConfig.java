package br.com.healthmed.identity.store;

import br.com.healthmed.identity.AccountStore;
import br.com.healthmed.identity.EmailCodeStore;
import br.com.healthmed.identity.LoginClaimStore;
import br.com.healthmed.identity.RefreshTokenStore;
import br.com.healthmed.identity.SecurityEventStore;
import br.com.healthmed.identity.SecurityLogProperties;
import br.com.healthmed.platform.storage.DynamoTable;
import br.com.healthmed.platform.storage.OnDynamoStorage;
import br.com.healthmed.platform.storage.OnMemoryStorage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses the identity adapters by {@code healthmed.storage}. */
@Configuration(proxyBeanMethods = false)
class IdentityStoreConfig {

    @Configuration(proxyBeanMethods = false)
    @OnMemoryStorage
    static class InMemory {

        @Bean
        AccountStore accountStore() {
            return new InMemoryAccountStore();
        }

        @Bean
        LoginClaimStore loginClaimStore() {
            return new InMemoryLoginClaimStore();
        }

        @Bean
        RefreshTokenStore refreshTokenStore() {
            return new InMemoryRefreshTokenStore();
        }

        @Bean
        EmailCodeStore emailCodeStore() {
            return new InMemoryEmailCodeStore();
        }

        @Bean
        SecurityEventStore securityEventStore() {
            return new InMemorySecurityEventStore();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @OnDynamoStorage
    static class Dynamo {

        @Bean
        AccountStore accountStore(DynamoTable table) {
            return new DynamoAccountStore(table);
        }

        @Bean
        LoginClaimStore loginClaimStore(DynamoTable table) {
            return new DynamoLoginClaimStore(table);
        }

        @Bean
        RefreshTokenStore refreshTokenStore(DynamoTable table) {
            return new DynamoRefreshTokenStore(table);
        }

        @Bean
        EmailCodeStore emailCodeStore(DynamoTable table) {
            return new DynamoEmailCodeStore(table);
        }

        @Bean
        SecurityEventStore securityEventStore(DynamoTable table, SecurityLogProperties properties) {
            return new DynamoSecurityEventStore(table, properties.retention());
        }
    }
}
