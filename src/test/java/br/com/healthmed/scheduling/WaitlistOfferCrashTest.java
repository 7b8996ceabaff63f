package br.com.healthmed.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.healthmed.HealthMedApplication;
import br.com.healthmed.identity.AccountId;
import br.com.healthmed.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * An instance dies between claiming a freed slot for a waiter's offer and storing the offer. The
 * event that freed the slot is delivered to the waitlist again (the relay retries a listener that
 * fails) until the dead claim's grace is over; then the slot is offered to the next waiter, instead of
 * staying free with everyone waiting. The dead instance is played by writing its two steps' state
 * straight into the stores (the cancellation stored, the slot claimed for the offer, the offer never
 * stored), and the relay's delivery by calling the listener as the relay does.
 */
@SpringBootTest(classes = {HealthMedApplication.class, SchedulingFixture.Config.class},
        properties = "healthmed.scheduling.sweep-interval=P1D")
class WaitlistOfferCrashTest {

    @Autowired
    SchedulingFixture given;

    @Autowired
    MutableClock clock;

    @Autowired
    WaitlistOffers offers;

    @Autowired
    AppointmentStore appointments;

    @Autowired
    SlotStore slots;

    @Autowired
    SchedulingProperties properties;

    @Test
    void aSlotClaimedForAnOfferThatWasNeverStoredIsOfferedToTheNextWaiterAfterTheGrace() {
        AccountId doctor = given.doctor();
        Instant start = given.inThreeDays();
        Slot published = given.published(doctor, start);
        SlotId slot = published.id();
        // a new slot is offered from a background queue: let that find nobody waiting before the waiters join,
        // or on a busy machine it offers this slot to the first waiter before the test's "dead instance" can claim it
        given.awaitPublicationsOffered();
        WaitlistEntry first = given.waiting(doctor, start);
        WaitlistEntry second = given.waiting(doctor, start);

        // the dead instance: a booking and its cancellation stored, the slot claimed for the first waiter's
        // offer, then nothing. Written straight into the stores, so the relay has no outbox entry of them:
        // the test alone delivers the cancellation, as the relay would
        AccountId patient = given.patient();
        Appointment booked = Appointment.requested(AppointmentId.forRequest(patient, "the-booking"), published, patient,
                Optional.empty(), clock.instant(), clock.instant().plus(Duration.ofHours(24)), BookingOrigin.UNKNOWN);
        Slot.Hold bookedHold = new Slot.Hold(booked.id(), patient, "the-booking", clock.instant());
        assertThat(slots.claim(slot, bookedHold, Optional.empty())).isPresent();
        assertThat(appointments.create(booked)).isTrue();
        Appointment cancelled = booked.cancelByPatient(clock.instant(), "Surgiu um imprevisto no trabalho");
        assertThat(appointments.update(cancelled, booked.version())).isTrue();
        Slot.Hold deadClaim = new Slot.Hold(first.offerOf(slot), first.patientId(), WaitlistOffers.OFFER_KEY, clock.instant());
        assertThat(slots.claim(slot, deadClaim, Optional.of(bookedHold))).isPresent();
        List<AppointmentEvent> events = AppointmentEvent.allOf(appointments.find(booked.id()).orElseThrow());
        AppointmentEvent freedTheSlot = events.get(events.size() - 1);
        assertThat(freedTheSlot.kind()).isEqualTo(AppointmentEventKind.CANCELLED_BY_PATIENT);

        assertThatThrownBy(() -> offers.on(freedTheSlot))
                .as("within the claim's grace the delivery fails, so the relay delivers the event again later")
                .isInstanceOf(IllegalStateException.class);
        assertThat(slots.find(slot).orElseThrow().hold()).contains(deadClaim);

        clock.advance(properties.staleHoldGrace().plusSeconds(1));
        offers.on(freedTheSlot);

        Slot.Hold held = slots.find(slot).orElseThrow().hold().orElseThrow();
        assertThat(held.appointmentId()).as("offered to the next waiter").isEqualTo(second.offerOf(slot));
        assertThat(appointments.find(second.offerOf(slot)).orElseThrow().status()).isEqualTo(AppointmentStatus.OFFERED);
        assertThat(appointments.find(first.offerOf(slot))).as("the dead offer can never be stored late").isEmpty();
        offers.on(freedTheSlot); // delivered once more (at least once): nothing changes
        assertThat(slots.find(slot).orElseThrow().hold()).contains(held);
    }
}
