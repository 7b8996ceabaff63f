package br.com.healthmed.notifications.store;

import br.com.healthmed.notifications.PreferenceStore;
import br.com.healthmed.notifications.ReminderStore;
import br.com.healthmed.notifications.SentMarkers;
import br.com.healthmed.platform.storage.DynamoTable;
import br.com.healthmed.platform.storage.OnDynamoStorage;
import br.com.healthmed.platform.storage.OnMemoryStorage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses the notifications adapters by {@code healthmed.storage}. */
@Configuration(proxyBeanMethods = false)
class NotificationsStoreConfig {

    @Configuration(proxyBeanMethods = false)
    @OnMemoryStorage
    static class InMemory {

        @Bean
        SentMarkers sentMarkers() {
            return new InMemorySentMarkers();
        }

        @Bean
        ReminderStore reminderStore() {
            return new InMemoryReminderStore();
        }

        @Bean
        PreferenceStore preferenceStore() {
            return new InMemoryPreferenceStore();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @OnDynamoStorage
    static class Dynamo {

        @Bean
        SentMarkers sentMarkers(DynamoTable table) {
            return new DynamoSentMarkers(table);
        }

        @Bean
        ReminderStore reminderStore(DynamoTable table) {
            return new DynamoReminderStore(table);
        }

        @Bean
        PreferenceStore preferenceStore(DynamoTable table) {
            return new DynamoPreferenceStore(table);
        }
    }
}
