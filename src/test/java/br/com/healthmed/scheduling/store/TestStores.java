package br.com.healthmed.scheduling.store;

import br.com.healthmed.scheduling.ActiveBookings;
import br.com.healthmed.platform.storage.DynamoTable;
import br.com.healthmed.scheduling.AppointmentEventStore;
import br.com.healthmed.scheduling.AppointmentStore;
import br.com.healthmed.scheduling.BookingRulesStore;
import br.com.healthmed.scheduling.SlotStore;
import java.time.Duration;

/** The adapters for tests outside this package that wire scheduling by hand (e.g. in a child JVM). */
public final class TestStores {

    private TestStores() {}

    public static AppointmentStore appointments(DynamoTable table) {
        return new DynamoAppointmentStore(table, Duration.ofDays(90));
    }

    public static AppointmentEventStore events(DynamoTable table) {
        return new DynamoAppointmentEventStore(table, Duration.ofDays(7));
    }

    public static SlotStore slots(DynamoTable table) {
        return new DynamoSlotStore(table);
    }

    public static BookingRulesStore bookingRules(DynamoTable table) {
        return new DynamoBookingRulesStore(table);
    }

    public static ActiveBookings activeBookings(DynamoTable table) {
        return new DynamoActiveBookings(table);
    }

    public static AppointmentStore inMemoryAppointments() {
        return new InMemoryAppointmentStore();
    }

    public static AppointmentEventStore inMemoryEvents() {
        return new InMemoryAppointmentEventStore();
    }
}
