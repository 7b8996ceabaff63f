package br.com.healthmed.scheduling.store;

import static br.com.healthmed.platform.storage.StoredKey.shown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The scheduling module's keys are stored in DynamoDB: these strings must never change. */
class SchedulingKeyShapesTest {

    private static final String ID = "c0ffee00-3b4d-4e5f-8a6b-7c8d9e0f1a2b";
    private static final String DOCTOR = "d0c70000-3b4d-4e5f-8a6b-7c8d9e0f1a2b";

    @Test
    void slotShapesArePinned() {
        assertThat(shown(SlotKeys.slot(ID))).isEqualTo("SLOT#" + ID + " / SLOT");
        assertThat(SlotKeys.doctorAgendaMonth(DOCTOR, "2026-12")).isEqualTo("AGENDA#" + DOCTOR + "#2026-12");
        assertThat(shown(SlotKeys.slotLayout(DOCTOR))).isEqualTo("AGENDA#" + DOCTOR + " / LAYOUT");
        assertThat(shown(SlotKeys.publicationToOffer(ID))).isEqualTo("PUBLISHED#c / PUB#" + ID);
        assertThat(SlotKeys.publicationsToOffer("c")).isEqualTo("PUBLISHED#c");
    }

    @Test
    void appointmentShapesArePinned() {
        assertThat(shown(AppointmentKeys.appointment(ID))).isEqualTo("APPT#" + ID + " / APPT");
        assertThat(AppointmentKeys.patientAppointments(ID)).isEqualTo("PATIENT#" + ID + "#APPTS");
        assertThat(AppointmentKeys.doctorAppointments(DOCTOR)).isEqualTo("DOCTOR#" + DOCTOR + "#APPTS");
        assertThat(shown(AppointmentKeys.dueCheck("2026-12-01T14", "s"))).isEqualTo("DUE#2026-12-01T14 / s");
        assertThat(AppointmentKeys.dueHour("2026-12-01T14")).isEqualTo("DUE#2026-12-01T14");
        assertThat(shown(AppointmentKeys.hourlyChecksMigration())).isEqualTo("DUE#MIGRATION / HOURLY");
        assertThat(shown(AppointmentKeys.pendingCheck(ID, "s"))).isEqualTo("DUE#c / s");
        assertThat(AppointmentKeys.pendingChecks("c")).isEqualTo("DUE#c");
        assertThat(shown(AppointmentKeys.review(DOCTOR, "s"))).isEqualTo("REVIEWS#" + DOCTOR + " / s");
        assertThat(AppointmentKeys.doctorReviews(DOCTOR)).isEqualTo("REVIEWS#" + DOCTOR);
        assertThat(shown(AppointmentKeys.activeBookings(ID))).isEqualTo("ACTIVE#" + ID + " / BOOKINGS");
        assertThat(shown(AppointmentKeys.bookingRules(DOCTOR))).isEqualTo("RULES#" + DOCTOR + " / BOOKING");
    }

    @Test
    void waitlistAndEventShapesArePinned() {
        assertThat(shown(WaitlistKeys.waiterEntries(ID))).isEqualTo("WAITER#" + ID + " / ENTRIES");
        assertThat(WaitlistKeys.waitlist(DOCTOR)).isEqualTo("WAITLIST#" + DOCTOR);
        assertThat(shown(WaitlistKeys.waitlistEntry(DOCTOR, "j"))).isEqualTo("WAITLIST#" + DOCTOR + " / j");
        assertThat(EventLogKeys.eventLog(ID)).isEqualTo("EVENTS#" + ID);
        assertThat(shown(EventLogKeys.eventLogEntry(ID, 42))).isEqualTo("EVENTS#" + ID + " / E#0000000000000000042");
        assertThat(shown(EventLogKeys.eventLogHead(ID))).isEqualTo("EVENTHEAD#" + ID + " / HEAD");
        assertThat(EventLogKeys.eventPosition(7)).isEqualTo("E#0000000000000000007");
        assertThat(shown(EventLogKeys.outboxEntry("c", ID))).isEqualTo("OUTBOX#c / APPT#" + ID);
        assertThat(EventLogKeys.outbox("c")).isEqualTo("OUTBOX#c");
    }

    @Test
    void slotAndAppointmentIdsAreReadBackFromTheirOwnKeysOnly() {
        assertThat(SlotKeys.slotIdOf(SlotKeys.slot(ID).get("PK").s())).isEqualTo(ID);
        assertThat(AppointmentKeys.appointmentIdOf(AppointmentKeys.appointment(ID).get("PK").s())).isEqualTo(ID);
        assertThatThrownBy(() -> SlotKeys.slotIdOf("APPT#" + ID)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AppointmentKeys.appointmentIdOf("SLOT#" + ID)).isInstanceOf(IllegalArgumentException.class);
    }
}
