package br.com.healthmed.scheduling;

import br.com.healthmed.platform.events.EventBus;
import br.com.healthmed.platform.storage.DynamoTable;
import br.com.healthmed.scheduling.store.TestStores;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The relay of an instance that is about to be killed, run as its own JVM by {@code EventRelayCrashTest}:
 * {@code <endpoint> <table> <listener|wake-up> <n> <clock offset seconds>}. It sweeps the outbox; at the
 * n-th listener call (after its effect) or the n-th wake-up (after an append to a log, before the
 * other participant's), it prints {@code PAUSED} and waits for the SIGKILL.
 */
final class EventRelayCrashDrill {

    public static void main(String[] args) throws InterruptedException {
        DynamoDbClient client = DynamoDbClient.builder().endpointOverride(URI.create(args[0])).region(Region.SA_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
        DynamoTable table = new DynamoTable(client, args[1]);
        String where = args[2];
        int n = Integer.parseInt(args[3]);
        Clock clock = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(Long.parseLong(args[4])));
        AtomicInteger listenerCalls = new AtomicInteger();
        AtomicInteger wakeUps = new AtomicInteger();
        DrillListener listener = new DrillListener(table, () -> {
            if (where.equals("listener") && listenerCalls.incrementAndGet() == n) {
                pause();
            }
        });
        EventBus bus = new DrillBus(() -> {
            if (where.equals("wake-up") && wakeUps.incrementAndGet() == n) {
                pause();
            }
        });
        EventRelay relay = new EventRelay(TestStores.appointments(table), TestStores.events(table), bus, List.of(listener),
                clock, Duration.ofDays(7), 2);
        relay.sweep();
        DrillSignals.finished();
    }

    private static void pause() {
        DrillSignals.pauseUntilKilled();
    }
}
