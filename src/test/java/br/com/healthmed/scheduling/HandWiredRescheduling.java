package br.com.healthmed.scheduling;

import br.com.healthmed.platform.events.EventBus;
import br.com.healthmed.telehealth.MeetingParticipant;
import br.com.healthmed.telehealth.MeetingRoom;
import br.com.healthmed.telehealth.MeetingRooms;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@link Rescheduling} wired by hand on given stores, as an instance runs it (for the kill drill's
 * child JVM and the test that heals after it): the production defaults of the scheduling settings.
 */
final class HandWiredRescheduling {

    static final SchedulingProperties PROPERTIES = new SchedulingProperties(5, Duration.ofDays(90), Duration.ofDays(31),
            Duration.ofMinutes(10), Duration.ofHours(4), Duration.ofMinutes(2), Duration.ofSeconds(2), Duration.ofSeconds(30),
            Duration.ofHours(24), Duration.ofHours(2), Duration.ofMinutes(30));

    private HandWiredRescheduling() {}

    static Rescheduling on(AppointmentStore appointments, SlotStore slots, AppointmentEventStore events,
                           BookingRulesStore rules, ActiveBookings activeBookings, EventBus bus, Clock clock) {
        EventRelay relay = new EventRelay(appointments, events, bus, List.of(), clock, Duration.ofDays(7), 2);
        return new Rescheduling(appointments, slots, new Holds(appointments, slots, PROPERTIES, HandWiredRescheduling::noLapses, clock), relay,
                new TakenSlots(clock, PROPERTIES), new NoRooms(), new RequestExpiry(PROPERTIES),
                new DoctorBookingRules(rules, null, PROPERTIES), activeBookings, PROPERTIES, clock);
    }

    /** The drill's appointments are all within their deadlines: none lapses. */
    private static void noLapses(AppointmentId id, boolean offerOnward) {
        throw new IllegalStateException("no appointment lapses in this drill");
    }

    /** Requests only move here (no instant booking): a room is never opened. */
    private static final class NoRooms implements MeetingRooms {
        @Override
        public MeetingRoom open(Instant start, Instant end) {
            throw new IllegalStateException("no room is opened in this drill");
        }

        @Override
        public URI joinUrl(MeetingRoom room, MeetingParticipant participant) {
            throw new IllegalStateException("no room is joined in this drill");
        }
    }
}
