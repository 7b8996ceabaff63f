package br.com.healthmed.scheduling.store;

import br.com.healthmed.platform.storage.DynamoTable;
import br.com.healthmed.platform.storage.OnDynamoStorage;
import br.com.healthmed.platform.storage.OnMemoryStorage;
import br.com.healthmed.scheduling.ActiveBookings;
import br.com.healthmed.scheduling.AppointmentEventStore;
import br.com.healthmed.scheduling.AppointmentStore;
import br.com.healthmed.scheduling.BookingRulesStore;
import br.com.healthmed.scheduling.PublicationsToOffer;
import br.com.healthmed.scheduling.WaitlistStore;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import br.com.healthmed.scheduling.SlotStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses the scheduling adapters by {@code healthmed.storage}. */
@Configuration(proxyBeanMethods = false)
class SchedulingStoreConfig {

    @Configuration(proxyBeanMethods = false)
    @OnMemoryStorage
    static class InMemory {

        @Bean
        SlotStore slotStore() {
            return new InMemorySlotStore();
        }

        @Bean
        AppointmentStore appointmentStore() {
            return new InMemoryAppointmentStore();
        }

        @Bean
        ActiveBookings activeBookings() {
            return new InMemoryActiveBookings();
        }

        @Bean
        AppointmentEventStore appointmentEventStore() {
            return new InMemoryAppointmentEventStore();
        }

        @Bean
        BookingRulesStore bookingRulesStore() {
            return new InMemoryBookingRulesStore();
        }

        @Bean
        WaitlistStore waitlistStore() {
            return new InMemoryWaitlistStore();
        }

        @Bean
        PublicationsToOffer publicationsToOffer() {
            return new InMemoryPublicationsToOffer();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @OnDynamoStorage
    static class Dynamo {

        @Bean
        SlotStore slotStore(DynamoTable table) {
            return new DynamoSlotStore(table);
        }

        @Bean
        AppointmentStore appointmentStore(DynamoTable table,
                                          @Value("${healthmed.scheduling.horizon:P90D}") Duration horizon) {
            return new DynamoAppointmentStore(table, horizon);
        }

        @Bean
        ActiveBookings activeBookings(DynamoTable table) {
            return new DynamoActiveBookings(table);
        }

        @Bean
        AppointmentEventStore appointmentEventStore(DynamoTable table,
                                                    @Value("${healthmed.events.retention:P7D}") Duration retention) {
            return new DynamoAppointmentEventStore(table, retention);
        }

        @Bean
        BookingRulesStore bookingRulesStore(DynamoTable table) {
            return new DynamoBookingRulesStore(table);
        }

        @Bean
        WaitlistStore waitlistStore(DynamoTable table) {
            return new DynamoWaitlistStore(table);
        }

        @Bean
        PublicationsToOffer publicationsToOffer(DynamoTable table) {
            return new DynamoPublicationsToOffer(table);
        }
    }
}
