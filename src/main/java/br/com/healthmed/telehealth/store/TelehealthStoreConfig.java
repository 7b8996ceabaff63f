package br.com.healthmed.telehealth.store;

import br.com.healthmed.platform.storage.DynamoTable;
import br.com.healthmed.platform.storage.OnDynamoStorage;
import br.com.healthmed.platform.storage.OnMemoryStorage;
import br.com.healthmed.telehealth.MeetingAttendanceStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses the telehealth adapters by {@code healthmed.storage}. */
@Configuration(proxyBeanMethods = false)
class TelehealthStoreConfig {

    @Bean
    @OnMemoryStorage
    MeetingAttendanceStore inMemoryMeetingAttendanceStore() {
        return new InMemoryMeetingAttendanceStore();
    }

    @Bean
    @OnDynamoStorage
    MeetingAttendanceStore dynamoMeetingAttendanceStore(DynamoTable table) {
        return new DynamoMeetingAttendanceStore(table);
    }
}
