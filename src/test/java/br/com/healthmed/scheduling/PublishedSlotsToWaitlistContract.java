package br.com.healthmed.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.healthmed.HealthMedApplication;
import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.support.Concurrently;
import br.com.healthmed.support.MutableClock;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Newly published slots reach the doctor's waitlist at least once, whatever happens after they are stored:
 * the offering done at once in the background fails (a storage outage while it reads the waiters) or never
 * runs (the instance died), and the sweep offers them once the publication's grace is over — one offer per
 * slot, however many instances redo the publication at once — and nothing is left to redo afterwards. The
 * outage is the real waitlist store behind a switch ({@link WaitlistOutage}); the dead instance is played by
 * doing what a publication does up to the crash (its marker noted, its slots stored) and nothing more. The
 * clock stands still; the sweep is run by the test. Run on both storage adapters.
 */
@SpringBootTest(classes = {HealthMedApplication.class, SchedulingFixture.Config.class, PublishedSlotsToWaitlistContract.Faults.class},
        properties = "healthmed.scheduling.sweep-interval=P1D")
abstract class PublishedSlotsToWaitlistContract {

    private static final Instant FAR = Instant.now().plus(Duration.ofDays(400));

    @TestConfiguration(proxyBeanMethods = false)
    static class Faults {
        @Bean
        static WaitlistOutage waitlistOutage() {
            return new WaitlistOutage();
        }
    }

    /** The context's real {@link WaitlistStore}, whose reading of a doctor's waiters fails while switched on. */
    static final class WaitlistOutage implements BeanPostProcessor {
        final AtomicBoolean on = new AtomicBoolean();
        final AtomicInteger failed = new AtomicInteger();

        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
            if (!(bean instanceof WaitlistStore store)) {
                return bean;
            }
            return Proxy.newProxyInstance(WaitlistStore.class.getClassLoader(), new Class<?>[] {WaitlistStore.class},
                    (proxy, method, args) -> {
                        if (on.get() && method.getName().equals("waitingFor")) {
                            failed.incrementAndGet();
                            throw new IllegalStateException("storage outage (injected by the test)");
                        }
                        try {
                            return method.invoke(store, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }

    @Autowired
    SchedulingFixture given;

    @Autowired
    MutableClock clock;

    @Autowired
    WaitlistOutage outage;

    @Autowired
    PublishedSlotOffers publishedSlotOffers;

    @Autowired
    PublicationsToOffer markers;

    @Autowired
    Sweep sweep;

    @Autowired
    AppointmentStore appointments;

    @Autowired
    SlotStore slots;

    @AfterEach
    void endOutage() {
        outage.on.set(false);
    }

    @Test
    void slotsWhoseOfferingFailedAfterTheyWereStoredAreOfferedByTheSweepToTheFirstWaiter() {
        AccountId doctor = given.doctor();
        Instant start = given.inThreeDays();
        WaitlistEntry first = given.waiting(doctor, start);
        WaitlistEntry second = given.waiting(doctor, start);

        outage.on.set(true);
        SlotId slot = given.published(doctor, start).id();
        given.awaitPublicationsOffered();
        assertThat(outage.failed.get()).as("the offering at once ran, and failed").isPositive();
        outage.on.set(false);
        assertThat(slots.find(slot).orElseThrow().hold()).as("free for anyone: not offered to those waiting").isEmpty();
        assertThat(markersOf(Set.of(slot))).as("what the publication must still cause is stored").hasSize(1);

        clock.advance(PublicationsToOffer.GRACE);
        sweep.run();

        assertThat(slots.find(slot).orElseThrow().hold().map(Slot.Hold::appointmentId)).contains(first.offerOf(slot));
        assertThat(appointments.find(first.offerOf(slot)).orElseThrow().status()).isEqualTo(AppointmentStatus.OFFERED);
        assertThat(appointments.find(second.offerOf(slot))).isEmpty();
        assertThat(markersOf(Set.of(slot))).as("done: nothing left to redo").isEmpty();
    }

    @Test
    void aPublicationWhoseInstanceDiedBeforeOfferingIsOfferedByTheSweepOnceItsGraceIsOver() {
        AccountId doctor = given.doctor();
        Instant start = given.inThreeDays();
        WaitlistEntry first = given.waiting(doctor, start);
        Slot slot = Slot.free(doctor, start, start.plus(Duration.ofMinutes(50)));

        // the dead instance: what Agenda.publish does up to its slots' store, and then nothing
        publishedSlotOffers.note(List.of(slot.id()));
        assertThat(slots.addAll(doctor, List.of(slot))).isEmpty();

        sweep.run();
        assertThat(slots.find(slot.id()).orElseThrow().hold()).as("within the grace the publishing instance offers it").isEmpty();

        clock.advance(PublicationsToOffer.GRACE);
        sweep.run();

        assertThat(slots.find(slot.id()).orElseThrow().hold().map(Slot.Hold::appointmentId)).contains(first.offerOf(slot.id()));
        assertThat(markersOf(Set.of(slot.id()))).isEmpty();
    }

    @Test
    void aLargePublicationIsRedoneInMarkersOfAtMostAHundredSlots() {
        AccountId doctor = given.doctor();
        Instant first = given.inThreeDays();
        List<Instant> wanted = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            wanted.add(first.plus(Duration.ofHours(i)));
        }
        Instant last = first.plus(Duration.ofHours(249));
        WaitlistEntry waiter = given.waiting(doctor, last);

        outage.on.set(true);
        List<SlotId> published = given.published(doctor, wanted);
        given.awaitPublicationsOffered();
        outage.on.set(false);
        List<PublicationsToOffer.Marker> noted = markersOf(Set.copyOf(published));
        assertThat(noted).extracting(m -> m.slots().size()).containsExactlyInAnyOrder(100, 100, 50);
        assertThat(noted.stream().flatMap(m -> m.slots().stream()).toList()).containsExactlyInAnyOrderElementsOf(published);

        clock.advance(PublicationsToOffer.GRACE);
        sweep.run();

        SlotId lastSlot = published.get(published.size() - 1);
        assertThat(slots.find(lastSlot).orElseThrow().hold().map(Slot.Hold::appointmentId)).contains(waiter.offerOf(lastSlot));
        assertThat(markersOf(Set.copyOf(published))).isEmpty();
    }

    @Test
    void twoInstancesRedoingOnePublicationAtOnceMakeOneOfferPerSlot() throws InterruptedException {
        AccountId doctor = given.doctor();
        Instant start = given.inThreeDays();
        List<Instant> wanted = List.of(start, start.plus(Duration.ofHours(1)), start.plus(Duration.ofHours(2)));
        WaitlistEntry first = given.waiting(doctor, start, start.plus(Duration.ofHours(3)));
        WaitlistEntry second = given.waiting(doctor, start, start.plus(Duration.ofHours(3)));
        List<WaitlistEntry> waiters = List.of(first, second);

        outage.on.set(true);
        List<SlotId> published = given.published(doctor, wanted);
        given.awaitPublicationsOffered();
        outage.on.set(false);
        List<PublicationsToOffer.Marker> noted = markersOf(Set.copyOf(published));
        clock.advance(PublicationsToOffer.GRACE);

        List<Object> runs = Concurrently.run(2, i -> sweep::run);
        assertThat(runs).allSatisfy(run -> assertThat(run).isInstanceOf(Integer.class));
        List<Appointment> offers = offersOf(waiters, published);
        // one upcoming appointment per patient and doctor: two waiters, two of the three slots offered
        assertThat(offers).hasSize(2);
        assertThat(offers.stream().map(Appointment::slotId).distinct()).as("one offer per slot").hasSize(2);
        assertThat(offers.stream().map(Appointment::patientId).distinct()).as("one offer per waiter").hasSize(2);
        for (Appointment offer : offers) {
            assertThat(offer.status()).isEqualTo(AppointmentStatus.OFFERED);
            assertThat(slots.find(offer.slotId()).orElseThrow().hold().map(Slot.Hold::appointmentId)).contains(offer.id());
        }

        // the sweep of a third instance that read the marker before it was removed (or the publishing instance, late)
        noted.forEach(publishedSlotOffers::offer);
        assertThat(offersOf(waiters, published)).as("redone: nothing more").hasSameElementsAs(offers);
        assertThat(markersOf(Set.copyOf(published))).isEmpty();
    }

    @Test
    void aPublicationOfferedAtOnceLeavesNothingToRedoAndARefusedOneNotesNothing() {
        AccountId doctor = given.doctor();
        Instant start = given.inThreeDays();
        WaitlistEntry waiter = given.waiting(doctor, start);

        SlotId slot = given.published(doctor, start).id();
        given.awaitPublicationsOffered();

        assertThat(slots.find(slot).orElseThrow().hold().map(Slot.Hold::appointmentId)).contains(waiter.offerOf(slot));
        assertThat(markersOf(Set.of(slot))).isEmpty();

        int before = markers.due(FAR, 10_000).size();
        assertThatThrownBy(() -> given.published(doctor, start.plus(Duration.ofMinutes(10))))
                .isInstanceOf(DomainException.class);
        assertThat(markers.due(FAR, 10_000)).as("an overlapping publication, refused, leaves no marker").hasSize(before);
    }

    private List<Appointment> offersOf(List<WaitlistEntry> waiters, List<SlotId> published) {
        return appointments.findAll(waiters.stream().flatMap(w -> published.stream().map(w::offerOf)).toList())
                .values().stream().toList();
    }

    private List<PublicationsToOffer.Marker> markersOf(Set<SlotId> published) {
        return markers.due(FAR, 10_000).stream().filter(m -> m.slots().stream().anyMatch(published::contains))
                .collect(Collectors.toList());
    }
}
