package br.com.healthmed.records.store;

import br.com.healthmed.platform.events.log.DynamoEventLog;
import br.com.healthmed.platform.events.log.EventLog;
import br.com.healthmed.platform.events.log.InMemoryEventLog;
import br.com.healthmed.platform.storage.DynamoTable;
import br.com.healthmed.platform.storage.OnDynamoStorage;
import br.com.healthmed.platform.storage.OnMemoryStorage;
import br.com.healthmed.records.AccessLogStore;
import br.com.healthmed.records.ClinicalRecordEvent;
import br.com.healthmed.records.ConsultationNoteStore;
import br.com.healthmed.records.RecordNoticeStore;
import br.com.healthmed.records.GrantStore;
import br.com.healthmed.records.HealthRecordStore;
import br.com.healthmed.records.RecordsProperties;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses the records adapters by {@code healthmed.storage}. */
@Configuration(proxyBeanMethods = false)
class RecordsStoreConfig {

    @Configuration(proxyBeanMethods = false)
    @OnMemoryStorage
    static class InMemory {

        /** One outbox for the in-memory note and file stores, which add notices in the same step as their writes. */
        private final InMemoryRecordNotices notices = new InMemoryRecordNotices();

        @Bean
        HealthRecordStore healthRecordStore() {
            return new InMemoryHealthRecordStore(notices);
        }

        @Bean
        ConsultationNoteStore consultationNoteStore() {
            return new InMemoryConsultationNoteStore(notices);
        }

        @Bean
        RecordNoticeStore recordNoticeStore() {
            return notices;
        }

        @Bean
        EventLog<ClinicalRecordEvent> clinicalRecordLog() {
            return new InMemoryEventLog<>(ClinicalRecordEvent::id);
        }

        @Bean
        GrantStore grantStore() {
            return new InMemoryGrantStore();
        }

        @Bean
        AccessLogStore accessLogStore() {
            return new InMemoryAccessLogStore();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @OnDynamoStorage
    static class Dynamo {

        @Bean
        HealthRecordStore healthRecordStore(DynamoTable table) {
            return new DynamoHealthRecordStore(table);
        }

        @Bean
        ConsultationNoteStore consultationNoteStore(DynamoTable table) {
            return new DynamoConsultationNoteStore(table);
        }

        @Bean
        RecordNoticeStore recordNoticeStore(DynamoTable table) {
            return new DynamoRecordNoticeStore(table);
        }

        @Bean
        EventLog<ClinicalRecordEvent> clinicalRecordLog(DynamoTable table,
                                                        @Value("${healthmed.events.retention:P7D}") Duration retention) {
            return new DynamoEventLog<>(table, retention, ClinicalKeys.EVENT_LOG, NoticeAttributes.LOG_ITEMS);
        }

        @Bean
        GrantStore grantStore(DynamoTable table) {
            return new DynamoGrantStore(table);
        }

        @Bean
        AccessLogStore accessLogStore(DynamoTable table, RecordsProperties properties) {
            return new DynamoAccessLogStore(table, properties.accessLogRetention());
        }
    }
}
