package br.com.healthmed.scheduling;

import br.com.healthmed.consent.TeleconsultationConsent;
import br.com.healthmed.identity.AccountId;
import br.com.healthmed.identity.AccountStore;
import br.com.healthmed.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The set-up the tests of scheduling below the API share: a clock that stands still until the test moves it, a
 * doctor and patients stored straight into the account store, slots published three days ahead, a patient booking
 * one or waiting for it, and the wait for a publication's offering to the waitlist, which runs in the background.
 * A test adds {@link Config} to its {@code @SpringBootTest} classes and autowires the fixture.
 */
record SchedulingFixture(MutableClock clock, AccountStore accounts, TeleconsultationConsent consent, Agenda agenda,
                         Booking booking, Waitlist waitlist, PublishedSlotOffers publishedSlotOffers) {

    /** How long a publication's background offering may take before a test fails: polled, not timed. */
    static final Duration PUBLICATION_PATIENCE = Duration.ofSeconds(60);

    /** The fixture and its clock, the service's {@code @Primary} one: now, to the minute, until the test moves it. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Config {
        @Bean
        @Primary
        MutableClock fixtureClock() {
            return new MutableClock(Instant.now().truncatedTo(ChronoUnit.MINUTES));
        }

        @Bean
        SchedulingFixture schedulingFixture(MutableClock fixtureClock, AccountStore accounts, TeleconsultationConsent consent,
                                            Agenda agenda, Booking booking, Waitlist waitlist, PublishedSlotOffers publishedSlotOffers) {
            return new SchedulingFixture(fixtureClock, accounts, consent, agenda, booking, waitlist, publishedSlotOffers);
        }
    }

    /** A doctor registered now ({@link TestDoctors}). */
    AccountId doctor() {
        return TestDoctors.stored(accounts, clock.instant());
    }

    /** A patient who may book: e-mail verified, consent accepted ({@link TestPatients#eligible}). */
    AccountId patient() {
        return TestPatients.eligible(accounts, consent);
    }

    /** A whole hour three days ahead: a request's answer deadline (24 h after booking) comes before it. */
    Instant inThreeDays() {
        return clock.instant().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(3));
    }

    /** One slot of the default length published by {@code doctor} at {@code start}. */
    Slot published(AccountId doctor, Instant start) {
        return agenda.publish(doctor, List.of(new Agenda.NewSlot(start, Optional.empty()))).get(0).slot();
    }

    /** Slots of the default length published by {@code doctor} at once, in the order of their starts given. */
    List<SlotId> published(AccountId doctor, List<Instant> starts) {
        return agenda.publish(doctor, starts.stream().map(start -> new Agenda.NewSlot(start, Optional.empty())).toList())
                .stream().map(published -> published.slot().id()).toList();
    }

    /** A new patient's request for {@code slot}, booked with {@code key}. */
    Appointment booked(SlotId slot, String key) {
        return booking.book(patient(), slot, key);
    }

    /** A new patient waiting for {@code doctor}'s slot at {@code start} alone, of slots an hour apart. */
    WaitlistEntry waiting(AccountId doctor, Instant start) {
        return waiting(doctor, start.minus(Duration.ofMinutes(30)), start.plus(Duration.ofMinutes(30)));
    }

    /** A new patient waiting for {@code doctor}'s slots from {@code from} to {@code to}, after those who joined before. */
    WaitlistEntry waiting(AccountId doctor, Instant from, Instant to) {
        clock.advance(Duration.ofSeconds(1)); // the clock stands still: waiters joining at one instant have no order
        return waitlist.join(patient(), doctor, from, to);
    }

    /**
     * Waits until the publications made so far have been offered to the waitlist in the background: a test that
     * plays its own part in the offering (or counts the offers) must not race it.
     */
    void awaitPublicationsOffered() {
        if (!publicationsOffered(publishedSlotOffers)) {
            throw new AssertionError("the background offering of the publications did not end within " + PUBLICATION_PATIENCE);
        }
    }

    /** Whether {@code offers} went idle within {@link #PUBLICATION_PATIENCE} (polling, not timing). */
    static boolean publicationsOffered(PublishedSlotOffers offers) {
        long deadline = System.nanoTime() + PUBLICATION_PATIENCE.toNanos();
        while (!offers.idle() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
        return offers.idle();
    }
}
