package br.com.healthmed.scheduling;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.storage.DynamoTable;
import br.com.healthmed.scheduling.store.TestStores;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * An instance rescheduling an appointment that is about to be killed, run as its own JVM by
 * {@code RescheduleCrashTest}: {@code <endpoint> <table> <appointment> <patient> <slot> <key> <where>}.
 * It moves the appointment and, at {@code where}, prints {@code PAUSED} and waits for the SIGKILL:
 * {@code before-claim} (the move is noted, the new slot not claimed yet), {@code after-claim} (the new
 * slot is claimed, the appointment not moved yet) or {@code before-release} (moved, the old slot not
 * freed yet).
 */
final class RescheduleCrashDrill {

    public static void main(String[] args) {
        DynamoDbClient client = DynamoDbClient.builder().endpointOverride(URI.create(args[0])).region(Region.SA_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
        DynamoTable table = new DynamoTable(client, args[1]);
        String where = args[6];
        SlotStore slots = new PausingSlots(TestStores.slots(table), where);
        Rescheduling rescheduling = HandWiredRescheduling.on(TestStores.appointments(table), slots, TestStores.events(table),
                TestStores.bookingRules(table), TestStores.activeBookings(table), new DrillBus(() -> { }), Clock.systemUTC());
        rescheduling.reschedule(AccountId.of(args[3]), AppointmentId.of(args[2]), SlotId.of(args[4]), args[5]);
        DrillSignals.finished();
    }

    private static void pause() {
        DrillSignals.pauseUntilKilled();
    }

    /** The slot store, stopping for the kill at one step of the move. */
    private record PausingSlots(SlotStore slots, String where) implements SlotStore {
        @Override
        public Optional<Slot> addAll(AccountId doctorId, List<Slot> newSlots) {
            return slots.addAll(doctorId, newSlots);
        }

        @Override
        public Optional<Slot> find(SlotId id) {
            return slots.find(id);
        }

        @Override
        public List<Slot> ofDoctor(AccountId doctorId, Instant from, Instant to, int limit) {
            return slots.ofDoctor(doctorId, from, to, limit);
        }

        @Override
        public Optional<Slot> claim(SlotId id, Slot.Hold hold, Optional<Slot.Hold> replacing) {
            if (where.equals("before-claim")) {
                pause();
            }
            Optional<Slot> claimed = slots.claim(id, hold, replacing);
            if (where.equals("after-claim")) {
                pause();
            }
            return claimed;
        }

        @Override
        public void release(SlotId id, AppointmentId appointmentId) {
            slots.release(id, appointmentId);
        }

        @Override
        public void release(SlotId id, Slot.Hold hold) {
            if (where.equals("before-release")) {
                pause();
            }
            slots.release(id, hold);
        }

        @Override
        public boolean remove(SlotId id, Optional<Slot.Hold> staleHold) {
            return slots.remove(id, staleHold);
        }
    }
}
