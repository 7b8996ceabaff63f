package br.com.healthmed.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.healthmed.HealthMedApplication;
import br.com.healthmed.identity.AccountId;
import br.com.healthmed.support.MutableClock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The doctor's instance dies inside {@code proposeNewTime} after claiming the proposed slot and before
 * telling the patient (the write of the {@code NEW_TIME_PROPOSED} step fails as a crash would). The
 * sweep undoes that proposal once the claim's grace is over — the slot free again, the appointment
 * where it was, with no proposal nobody was told of — instead of holding the slot for a day.
 */
@SpringBootTest(classes = {HealthMedApplication.class, SchedulingFixture.Config.class, AppointmentWrites.class},
        properties = {"healthmed.scheduling.sweep-interval=P1D", "healthmed.booking-limits.per-account=100000"})
class ProposalCrashTest {

    @Autowired
    SchedulingFixture given;

    @Autowired
    MutableClock clock;

    @Autowired
    Rescheduling rescheduling;

    @Autowired
    Sweep sweep;

    @Autowired
    AppointmentStore appointments;

    @Autowired
    SlotStore slots;

    @Autowired
    SchedulingProperties properties;

    @Test
    void aProposalWhoseInstanceDiedBeforeTellingThePatientIsUndoneAfterTheGraceAndItsSlotFreed() {
        AccountId doctor = given.doctor();
        var day = clock.instant().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(3));
        List<SlotId> published = given.published(doctor, List.of(day.plus(Duration.ofHours(12)), day.plus(Duration.ofHours(15))));
        SlotId proposed = published.get(1);
        Appointment booked = given.booked(published.get(0), "the-booking");

        AppointmentWrites.beforeNextUpdate(a -> a.id().equals(booked.id()) && lastStepProposes(a), () -> {
            throw new IllegalStateException("the instance died");
        });
        assertThatThrownBy(() -> rescheduling.proposeNewTime(doctor, booked.id(), proposed)).hasMessageContaining("died");
        assertThat(slots.find(proposed).orElseThrow().hold()).as("claimed for the proposal").isPresent();
        assertThat(appointments.find(booked.id()).orElseThrow().pendingMove()).isPresent();

        sweep.run();
        assertThat(slots.find(proposed).orElseThrow().hold()).as("within the grace the claim stands").isPresent();

        clock.advance(properties.staleHoldGrace().plusSeconds(1));
        sweep.run();

        assertThat(slots.find(proposed).orElseThrow().hold()).as("the slot is free again").isEmpty();
        Appointment after = appointments.find(booked.id()).orElseThrow();
        assertThat(after.pendingMove()).isEmpty();
        assertThat(after.slotId()).isEqualTo(booked.slotId());
        assertThat(after.history()).noneMatch(t -> t.move().isPresent());
        assertThat(rescheduling.proposeNewTime(doctor, booked.id(), proposed).pendingMove())
                .as("the doctor can propose it again").isPresent();
    }

    @Test
    void theDoctorSendingTheCutProposalAgainTellsThePatientOnceAndKeepsIt() {
        AccountId doctor = given.doctor();
        var day = clock.instant().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(3));
        List<SlotId> published = given.published(doctor, List.of(day.plus(Duration.ofHours(10)), day.plus(Duration.ofHours(16))));
        SlotId proposed = published.get(1);
        Appointment booked = given.booked(published.get(0), "the-booking");
        AppointmentWrites.beforeNextUpdate(a -> a.id().equals(booked.id()) && lastStepProposes(a), () -> {
            throw new IllegalStateException("the instance died");
        });
        assertThatThrownBy(() -> rescheduling.proposeNewTime(doctor, booked.id(), proposed)).hasMessageContaining("died");

        Appointment retried = rescheduling.proposeNewTime(doctor, booked.id(), proposed);
        Appointment again = rescheduling.proposeNewTime(doctor, booked.id(), proposed);

        assertThat(retried.history()).filteredOn(ProposalCrashTest::proposes).as("told once, by the retry").hasSize(1);
        assertThat(again.history()).filteredOn(ProposalCrashTest::proposes).as("a second copy tells nobody again").hasSize(1);
        clock.advance(properties.staleHoldGrace().plusSeconds(1));
        sweep.run();
        assertThat(appointments.find(booked.id()).orElseThrow().pendingMove()).as("a told proposal waits for the patient").isPresent();
        assertThat(slots.find(proposed).orElseThrow().hold()).isPresent();
    }

    private static boolean proposes(Appointment.Transition step) {
        return step.move().filter(m -> m.kind() == Appointment.MoveKind.PROPOSED).isPresent();
    }

    private static boolean lastStepProposes(Appointment appointment) {
        List<Appointment.Transition> history = appointment.history();
        return history.get(history.size() - 1).move().filter(m -> m.kind() == Appointment.MoveKind.PROPOSED).isPresent();
    }
}
