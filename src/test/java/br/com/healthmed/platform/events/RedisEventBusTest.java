package br.com.healthmed.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import br.com.healthmed.support.RedisServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import reactor.core.Disposable;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

/** The Redis adapter against a real redis-server; each test on channels of its own. */
class RedisEventBusTest extends EventBusContract {

    private static final Duration WAIT = Duration.ofSeconds(10);

    sealed interface Appointment permits Requested, Cancelled {}

    record Requested(UUID id, Instant at) implements Appointment {}

    record Cancelled(UUID id, String justification) implements Appointment {}

    enum Reason { LOGGED_OUT }

    record Ended(String sessionId, Reason reason, Instant at) {}

    private final String prefix = "test-" + UUID.randomUUID() + ":";
    private final List<LettuceConnectionFactory> factories = new CopyOnWriteArrayList<>();
    private final List<RedisEventBus> buses = new CopyOnWriteArrayList<>();
    private final RedisEventBus bus = newBus(RedisServer.port());

    /** A bus as one instance of the service has it: its own connections to the shared Redis. */
    private RedisEventBus newBus(int port) {
        return newBus(port, Duration.ofSeconds(5));
    }

    private RedisEventBus newBus(int port, Duration subscribeWait) {
        LettuceConnectionFactory factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration(RedisServer.host(), port));
        factory.afterPropertiesSet();
        factory.start();
        factories.add(factory);
        RedisEventBus created = new RedisEventBus(factory, JsonMapper.builder().build(),
                new RedisEventsProperties(prefix, Duration.ofSeconds(5), subscribeWait));
        buses.add(created);
        return created;
    }

    @AfterEach
    void close() {
        buses.forEach(RedisEventBus::destroy);
        factories.forEach(LettuceConnectionFactory::destroy);
    }

    @Override
    protected EventBus bus() {
        return bus;
    }

    @Test
    void anEventPublishedOnOneInstanceReachesSubscribersOfAnother() {
        RedisEventBus other = newBus(RedisServer.port());
        Ended ended = new Ended("s-1", Reason.LOGGED_OUT, Instant.parse("2026-03-10T13:00:00.123456Z"));

        StepVerifier.create(other.subscribe("sessions", Ended.class).take(1))
                .then(() -> bus.publish("sessions", ended))
                .expectNext(ended)
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void localSubscribersOfATopicShareOneRedisSubscriptionWhichEndsWithTheLast() {
        String channel = prefix + "shared";
        List<Disposable> subscribers = List.of(
                bus.subscribe("shared", Ping.class).subscribe(),
                bus.subscribe("shared", Ping.class).subscribe(),
                bus.subscribe("shared", Other.class).subscribe());
        RedisEventBus other = newBus(RedisServer.port());
        Disposable elsewhere = other.subscribe("shared", Ping.class).subscribe();

        assertThat(RedisServer.subscribers(channel)).isEqualTo(2); // one per instance

        subscribers.get(0).dispose();
        subscribers.get(1).dispose();
        assertThat(RedisServer.subscribers(channel)).isEqualTo(2);
        subscribers.get(2).dispose(); // the last: unsubscribed in the background
        await().atMost(WAIT).untilAsserted(() -> assertThat(RedisServer.subscribers(channel)).isEqualTo(1));
        elsewhere.dispose();
        await().atMost(WAIT).untilAsserted(() -> assertThat(RedisServer.subscribers(channel)).isZero());
    }

    @Test
    void aSubscriberOfASealedTypeReceivesEveryPermittedRecord() {
        UUID id = UUID.randomUUID();
        Appointment requested = new Requested(id, Instant.parse("2026-03-10T13:00:00Z"));
        Appointment cancelled = new Cancelled(id, "Não poderei comparecer, desculpe.");

        StepVerifier.create(bus.subscribe("appointments", Appointment.class).take(2))
                .then(() -> {
                    bus.publish("appointments", requested);
                    bus.publish("appointments", new Ping(1));
                    bus.publish("appointments", cancelled);
                })
                .expectNext(requested, cancelled)
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void aMessageThatIsNotAnEventIsSkipped() {
        List<Ping> received = new CopyOnWriteArrayList<>();
        Disposable subscription = bus.subscribe("noise", Ping.class).subscribe(received::add);

        RedisServer.publish(prefix + "noise", "not json");
        RedisServer.publish(prefix + "noise", "{\"type\":\"" + Ping.class.getName() + "\",\"event\":{\"n\":\"not a number\"}}");
        RedisServer.publish(prefix + "noise", "{\"type\":\"java.lang.ProcessBuilder\",\"event\":{}}");
        bus.publish("noise", new Ping(1));

        await().atMost(WAIT).until(() -> !received.isEmpty());
        assertThat(received).containsExactly(new Ping(1));
        subscription.dispose();
    }

    @Test
    void withoutRedisPublishingLosesTheEventButNeverFailsThePublisher() {
        RedisEventBus unreachable = newBus(closedPort());

        assertThatCode(() -> unreachable.publish("t", new Ping(1))).doesNotThrowAnyException();
        assertThatCode(() -> unreachable.publish("t", new Ping(2))).doesNotThrowAnyException();
        StepVerifier.create(unreachable.subscribe("t", Ping.class)) // a subscriber is not failed either
                .expectSubscription()
                .thenCancel()
                .verify(WAIT);
    }

    /**
     * Issue 14: subscribers that arrive while Redis does not answer (SIGSTOP: the connection stays open,
     * nothing replies) are neither failed nor held for the 2 s command timeout one after another, as
     * they were when each tried Redis itself under the bus's lock; they hear their topics once Redis is
     * back, the Redis side having kept trying in the background.
     */
    @Test
    void subscribersArrivingWhileRedisIsPausedAreNotFailedAndHearTheirTopicsOnceItIsBack() throws Exception {
        try (RedisServer.Own redis = RedisServer.startOwn()) {
            RedisEventBus paused = newBus(redis.port(), Duration.ofMillis(100));
            paused.subscribe("warm", Ping.class).subscribe(); // the pub/sub connection is open, as after start-up
            await().atMost(WAIT).until(() -> ownSubscribers(redis, prefix + "warm") == 1);
            redis.pause();

            List<String> topics = List.of("a", "b", "c", "d", "e");
            List<Object> received = new CopyOnWriteArrayList<>();
            List<Throwable> failures = new CopyOnWriteArrayList<>();
            List<Object> subscribed = br.com.healthmed.support.Concurrently.run(topics.size(), i -> () -> {
                paused.subscribe(topics.get(i), Ping.class).subscribe(received::add, failures::add);
                return topics.get(i);
            });
            assertThat(subscribed).containsExactlyElementsOf(topics); // every subscribe returned
            assertThat(failures).isEmpty();

            redis.resume();
            RedisEventBus elsewhere = newBus(redis.port());
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                for (int i = 0; i < topics.size(); i++) {
                    elsewhere.publish(topics.get(i), new Ping(i));
                }
                assertThat(received).contains(new Ping(0), new Ping(1), new Ping(2), new Ping(3), new Ping(4));
            });
            assertThat(failures).isEmpty();
        }
    }

    private static long ownSubscribers(RedisServer.Own redis, String channel) {
        io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create(io.lettuce.core.RedisURI.create(RedisServer.host(), redis.port()));
        try (var connection = client.connect()) {
            return connection.sync().pubsubNumsub(channel).getOrDefault(channel, 0L);
        } finally {
            client.shutdown();
        }
    }

    private static int closedPort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
