package br.com.healthmed.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.storage.DynamoTable;
import br.com.healthmed.scheduling.store.TestStores;
import br.com.healthmed.support.Dynalite;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An instance is killed with SIGKILL between the steps of a reschedule, on DynamoDB (dynalite): after
 * noting the move, after claiming the new slot, and after moving the appointment but before freeing
 * the old slot. At no point is a slot held by anyone but the appointment itself, and the appointment
 * is always on one slot; the sweep's step ({@link Rescheduling#heal}, asked for by a due check the
 * move itself wrote) then undoes or finishes the move and frees what it left; the client's retry
 * with the same key ends with the appointment moved, once.
 */
class RescheduleCrashTest {

    private static final String KEY = "drill-reschedule-key";

    @ParameterizedTest(name = "killed {0}")
    @ValueSource(strings = {"before-claim", "after-claim", "before-release"})
    void aRescheduleKilledBetweenStepsHealsWithNoSlotHeldTwiceAndTheRetryMovesItOnce(String where) throws Exception {
        DynamoTable table = Dynalite.newTable();
        SlotStore slots = TestStores.slots(table);
        AppointmentStore appointments = TestStores.appointments(table);
        AccountId doctor = AccountId.random();
        AccountId patient = AccountId.random();
        Instant tomorrow = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(1));
        Slot original = Slot.free(doctor, tomorrow, tomorrow.plus(Duration.ofMinutes(50)));
        Slot target = Slot.free(doctor, tomorrow.plus(Duration.ofHours(2)), tomorrow.plus(Duration.ofHours(2)).plus(Duration.ofMinutes(50)));
        assertThat(slots.addAll(doctor, List.of(original, target))).isEmpty();
        Instant now = Instant.now();
        Appointment booked = Appointment.requested(AppointmentId.random(), original, patient, Optional.of(new BigDecimal("200.00")),
                now, now.plus(Duration.ofHours(12)), BookingOrigin.UNKNOWN);
        slots.claim(original.id(), new Slot.Hold(booked.id(), patient, "book-key", now), Optional.empty());
        assertThat(appointments.create(booked)).isTrue();

        Process drill = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RescheduleCrashDrill.class.getName(),
                Dynalite.endpoint().toString(), table.name(), booked.id().toString(), patient.toString(),
                target.id().toString(), KEY, where)
                .redirectErrorStream(true).start();
        assertThat(awaitLine(drill)).as("the drill reached its kill point").isEqualTo("PAUSED");
        drill.destroyForcibly(); // SIGKILL: no finally block runs
        assertThat(drill.waitFor(60, TimeUnit.SECONDS)).isTrue();

        // as the kill left it: each slot held by the appointment or by nobody, the appointment on one slot
        Appointment left = appointments.find(booked.id()).orElseThrow();
        for (Slot slot : List.of(original, target)) {
            assertThat(slots.find(slot.id()).orElseThrow().hold().map(Slot.Hold::appointmentId))
                    .as("holder of %s", slot.start()).isIn(Optional.empty(), Optional.of(booked.id()));
        }
        assertThat(left.slotId()).isEqualTo(where.equals("before-release") ? target.id() : original.id());
        assertThat(left.pendingMove().isPresent()).isEqualTo(!where.equals("before-release"));

        // past the grace, the sweep finds the move's due check and heals it
        Clock later = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(3));
        assertThat(appointments.dueChecks(later.instant(), 100)).extracting(AppointmentStore.DueCheck::appointmentId)
                .contains(booked.id());
        // and so it would, had every instance's sweep been down for days (the check has no window to fall out of)
        assertThat(appointments.dueChecks(later.instant().plus(Duration.ofDays(3)), 100))
                .extracting(AppointmentStore.DueCheck::appointmentId).contains(booked.id());
        Rescheduling sweep = HandWiredRescheduling.on(appointments, slots, TestStores.events(table),
                TestStores.bookingRules(table), TestStores.activeBookings(table), new DrillBus(() -> { }), later);
        assertThat(sweep.heal(booked.id())).isTrue();

        Appointment healed = appointments.find(booked.id()).orElseThrow();
        assertThat(healed.pendingMove()).isEmpty();
        if (where.equals("before-claim")) { // undone: as it was
            assertThat(healed.slotId()).isEqualTo(original.id());
            assertThat(healed.history()).isEqualTo(booked.history());
            assertThat(slots.find(target.id()).orElseThrow().hold()).isEmpty();
            assertThat(holderOf(slots, original)).contains(booked.id());
        } else { // finished: moved, the old slot free
            assertThat(healed.slotId()).isEqualTo(target.id());
            assertThat(healed.history()).hasSize(2);
            assertThat(AppointmentEvent.kindOf(healed.history().get(1))).isEqualTo(AppointmentEventKind.RESCHEDULED);
            assertThat(holderOf(slots, target)).contains(booked.id());
            assertThat(slots.find(original.id()).orElseThrow().hold()).isEmpty();
        }

        // the client retries: the appointment ends moved, with one RESCHEDULED step
        Appointment retried = sweep.reschedule(patient, booked.id(), target.id(), KEY);
        assertThat(retried.slotId()).isEqualTo(target.id());
        Appointment stored = appointments.find(booked.id()).orElseThrow();
        assertThat(stored.history().stream().filter(t -> t.move().isPresent()).count()).isEqualTo(1);
        assertThat(holderOf(slots, target)).contains(booked.id());
        assertThat(slots.find(original.id()).orElseThrow().hold()).isEmpty();
    }

    private static Optional<AppointmentId> holderOf(SlotStore slots, Slot slot) {
        return slots.find(slot.id()).orElseThrow().hold().map(Slot.Hold::appointmentId);
    }

    private static String awaitLine(Process process) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.strip().equals("PAUSED") || line.strip().equals("FINISHED")) {
                return line.strip();
            }
            seen.add(line);
        }
        throw new AssertionError("the drill exited without reaching a kill point:\n" + String.join("\n", seen));
    }
}
