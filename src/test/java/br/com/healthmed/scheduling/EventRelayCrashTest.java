package br.com.healthmed.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.events.EventBus;
import br.com.healthmed.platform.storage.DynamoTable;
import br.com.healthmed.scheduling.store.TestStores;
import br.com.healthmed.support.Dynalite;
import br.com.healthmed.telehealth.MeetingRoom;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An instance is killed with SIGKILL in the middle of delivering events, and nothing is lost or
 * doubled. The changes are stored (with their outbox entries) first; then a second JVM relays them and
 * is killed at a chosen point — inside a listener call after its effect and before its progress is
 * recorded, or between appending an event to the doctor's log and to the patient's. A fresh relay
 * (as on a restarted instance) then finishes from what the store holds: every event has reached the
 * listener (its effect once, though it may have been called twice) and each participant's log holds
 * each event once, in the order of the appointment's history.
 */
class EventRelayCrashTest {

    /** The relays' clocks run an hour ahead, so every outbox entry is due for their sweep. */
    private static final Duration AHEAD = Duration.ofHours(1);

    @ParameterizedTest(name = "killed at {0} {1}")
    @CsvSource({"listener, 1", "listener, 4", "wake-up, 3"})
    void aRelayKilledMidwayLeavesNothingLostAndNothingDoubled(String where, int n) throws Exception {
        DynamoTable table = Dynalite.newTable();
        AppointmentStore appointments = TestStores.appointments(table);
        AppointmentEventStore events = TestStores.events(table);
        Clock clock = Clock.offset(Clock.systemUTC(), AHEAD);
        List<Appointment> stored = storeChanges(appointments, events, table);

        Process relay = new ProcessBuilder(javaCommand(), "-cp", System.getProperty("java.class.path"),
                EventRelayCrashDrill.class.getName(), Dynalite.endpoint().toString(), table.name(), where,
                Integer.toString(n), Long.toString(AHEAD.toSeconds()))
                .redirectErrorStream(true)
                .start();
        String reached = awaitLine(relay, "PAUSED", "FINISHED");
        assertThat(reached).as("the drill reached its kill point").isEqualTo("PAUSED");
        relay.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
        assertThat(relay.waitFor(60, TimeUnit.SECONDS)).isTrue();

        // the instance comes back (or another one sweeps)
        EventRelay restarted = new EventRelay(appointments, events, silentBus(), List.of(new DrillListener(table, () -> { })),
                clock, Duration.ofDays(7), 2);
        for (int round = 0; round < 5 && !events.due(clock.instant().plus(AHEAD), 1).isEmpty(); round++) {
            restarted.sweep();
        }
        assertThat(events.due(clock.instant().plus(Duration.ofDays(1)), 100)).as("outbox left").isEmpty();

        List<String> expected = new ArrayList<>();
        for (Appointment appointment : stored) {
            AppointmentEvent.allOf(appointments.find(appointment.id()).orElseThrow()).forEach(e -> expected.add(e.id()));
        }
        List<Map<String, AttributeValue>> drill = drillItems(table);
        List<String> effects = sortKeys(drill, "EFFECT#");
        List<String> calls = drill.stream().filter(i -> i.get("SK").s().startsWith("CALL#")).map(i -> i.get("eventId").s()).toList();
        assertThat(effects).as("one effect per event").containsExactlyInAnyOrderElementsOf(expected);
        assertThat(calls).as("every event delivered at least once").containsAll(expected);
        if (where.equals("listener")) {
            assertThat(calls.size()).as("the call the kill interrupted was made again").isGreaterThan(expected.size());
        }
        for (Appointment appointment : stored) {
            for (AccountId account : List.of(appointment.doctorId(), appointment.patientId())) {
                List<String> logged = events.log().after(account, 0, 100).stream().map(l -> l.event().id()).toList();
                List<String> own = AppointmentEvent.allOf(appointments.find(appointment.id()).orElseThrow()).stream()
                        .map(AppointmentEvent::id).toList();
                assertThat(logged).as("log of %s", account).doesNotHaveDuplicates();
                assertThat(logged.stream().filter(own::contains).toList()).as("log of %s", account).containsExactlyElementsOf(own);
            }
        }
    }

    /** Three appointments of one doctor with three patients: requested; requested and confirmed; requested, confirmed, cancelled. */
    private static List<Appointment> storeChanges(AppointmentStore appointments, AppointmentEventStore events, DynamoTable table) {
        EventRelay writer = new EventRelay(appointments, events, silentBus(), List.of(), Clock.systemUTC(), Duration.ofDays(7), 2);
        AccountId doctor = AccountId.random();
        Instant now = Instant.now();
        List<Appointment> stored = new ArrayList<>();
        for (int steps = 1; steps <= 3; steps++) {
            Instant start = now.plus(Duration.ofDays(steps));
            Slot slot = Slot.free(doctor, start, start.plus(Duration.ofMinutes(50)));
            Appointment appointment = Appointment.requested(AppointmentId.random(), slot, AccountId.random(),
                    Optional.of(new BigDecimal("200.00")), now, now.plus(Duration.ofHours(1)), BookingOrigin.UNKNOWN);
            writer.expect(Optional.empty(), appointment);
            assertThat(appointments.create(appointment)).isTrue();
            if (steps >= 2) {
                Appointment confirmed = appointment.accept(now, new MeetingRoom("room", start.minus(Duration.ofMinutes(15)), slot.end()));
                writer.expect(Optional.of(appointment), confirmed);
                assertThat(appointments.update(confirmed, appointment.version())).isTrue();
                appointment = confirmed;
            }
            if (steps == 3) {
                Appointment cancelled = appointment.cancelByPatient(now, "Precisei viajar de última hora.");
                writer.expect(Optional.of(appointment), cancelled);
                assertThat(appointments.update(cancelled, appointment.version())).isTrue();
                appointment = cancelled;
            }
            stored.add(appointment);
        }
        return stored;
    }

    private static String awaitLine(Process process, String... wanted) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (List.of(wanted).contains(line.strip())) {
                return line.strip();
            }
            seen.add(line);
        }
        throw new AssertionError("the drill exited without reaching a kill point:\n" + String.join("\n", seen));
    }

    private static List<Map<String, AttributeValue>> drillItems(DynamoTable table) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> exclusiveStart = start;
            var page = table.client().query(b -> b.tableName(table.name()).keyConditionExpression("PK = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(DrillListener.PARTITION)))
                    .consistentRead(true).exclusiveStartKey(exclusiveStart));
            items.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }

    private static List<String> sortKeys(List<Map<String, AttributeValue>> items, String prefix) {
        return items.stream().map(i -> i.get("SK").s()).filter(sk -> sk.startsWith(prefix))
                .map(sk -> sk.substring(prefix.length())).collect(Collectors.toList());
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static EventBus silentBus() {
        return new DrillBus(() -> { });
    }
}
