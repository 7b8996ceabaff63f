package br.com.healthmed.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link EventBus} over Redis pub/sub ({@code healthmed.events=redis}): an event published on any
 * instance reaches the subscribers of every instance. A topic is the Redis channel
 * {@code <channel-prefix><topic>}; an event travels as JSON, {@code {"type": <class name>, "event": {...}}}.
 *
 * <p><b>One Redis subscription per topic per instance</b>, shared by all its local subscribers (one
 * GraphQL subscription does not cost a Redis subscription, and all of them share one pub/sub
 * connection). The first local subscriber of a topic subscribes in Redis and its {@code subscribe}
 * returns only once Redis has confirmed, so "subscribe, then read the current state" leaves no gap
 * even across instances; the last one to cancel unsubscribes.
 *
 * <p><b>At most once</b>, like Redis pub/sub itself: an instance that is disconnected from Redis
 * misses what is published meanwhile (Lettuce reconnects and resubscribes by itself). Publishing
 * never blocks the publisher (nor fails it) and is never abandoned for being slow: the command is
 * queued on the connection; a failure is logged, and a reply later than {@code publish-timeout} too. Subscribers that must not miss anything
 * read the truth from a store and use the bus only to wake up (appointment events do).
 * Failures are logged once per outage (warn) and again when Redis is back (info).
 *
 * <p>Messages arrive on Lettuce's I/O thread and are handed to a worker per topic before they are
 * parsed and delivered, so a slow subscriber never holds up Redis traffic for the other topics.
 */
final class RedisEventBus implements EventBus, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RedisEventBus.class);

    private final RedisConnectionFactory connections;
    private final ReactiveStringRedisTemplate publisher;
    private final JsonMapper json;
    private final RedisEventsProperties properties;
    private final AtomicBoolean failing = new AtomicBoolean();

    /** Topics with local subscribers. Changed only under {@code this}; read by the message listener. */
    private final Map<String, Channel> channels = new ConcurrentHashMap<>();
    /** The one pub/sub connection; subscribed to every channel in {@link #channels}. Guarded by {@code this}. */
    private RedisConnection subscriber;

    <F extends RedisConnectionFactory & ReactiveRedisConnectionFactory> RedisEventBus(
            F connections, JsonMapper json, RedisEventsProperties properties) {
        this.connections = connections;
        this.publisher = new ReactiveStringRedisTemplate(connections);
        this.json = json;
        this.properties = properties;
    }

    @Override
    public void publish(String topic, Object event) {
        String message;
        try {
            ObjectNode envelope = json.createObjectNode();
            envelope.put("type", event.getClass().getName());
            envelope.set("event", json.valueToTree(event));
            message = json.writeValueAsString(envelope);
        } catch (JacksonException e) {
            log.error("Event {} on {} cannot be written as JSON; dropped", event.getClass().getName(), topic, e);
            return;
        }
        // Never waits and never gives up on its own: a publisher is a mutation whose change is already
        // stored, and Lettuce sends the commands of one connection in order. Abandoning a slow publish
        // (as a timeout would, by cancelling it) lost the first event after a fresh start, when that
        // publish also opens the connection. A slow one is only logged; a failed one too (Lettuce's
        // own command timeout, spring.data.redis.timeout, bounds it).
        long started = System.nanoTime();
        publisher.convertAndSend(properties.channelPrefix() + topic, message).subscribe(receivers -> {
            delivered();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            if (took.compareTo(properties.publishTimeout()) > 0) {
                log.debug("Redis took {} ms to take an event on {}", took.toMillis(), topic);
            }
        }, this::failed);
    }

    private void delivered() {
        if (failing.compareAndSet(true, false)) {
            log.info("Redis takes events again: live updates reach other instances");
        }
    }

    private void failed(Throwable e) {
        if (failing.compareAndSet(false, true)) {
            log.warn("Redis did not take an event; live updates are lost until it does: {}", e.toString());
        } else {
            log.debug("Redis did not take an event: {}", e.toString());
        }
    }

    @Override
    public <T> Flux<T> subscribe(String topic, Class<T> type) {
        EventTypes<T> types = EventTypes.of(type);
        return Flux.defer(() -> {
                    Channel channel = join(topic);
                    return channel.received().doFinally(signal -> leave(channel));
                })
                .handle((received, sink) -> received.as(types).ifPresent(sink::next));
    }

    /**
     * Adds a local subscriber to the topic, subscribing in Redis first if it is the topic's first.
     * The lock is held over that round trip on purpose: SUBSCRIBE and UNSUBSCRIBE of one channel then
     * reach Redis in the order the bus decided them, so a late UNSUBSCRIBE cannot cancel a newer
     * subscription. Only a topic's first subscriber pays it (bounded by {@code spring.data.redis.timeout}).
     */
    private synchronized Channel join(String topic) {
        Channel channel = channels.get(topic);
        if (channel == null) {
            channel = new Channel(topic);
            channels.put(topic, channel);
            try {
                subscribeInRedis(channel.name);
            } catch (RuntimeException e) {
                channels.remove(topic);
                channel.close();
                throw e;
            }
        }
        channel.members++;
        return channel;
    }

    private synchronized void leave(Channel channel) {
        if (--channel.members > 0 || channels.get(channel.topic) != channel) {
            return;
        }
        channels.remove(channel.topic);
        channel.close();
        try {
            if (subscriber != null && subscriber.isSubscribed()) {
                subscriber.getSubscription().unsubscribe(channel.name);
            }
        } catch (RuntimeException e) {
            // Redis is away: its end of the subscription goes with the connection, or stays and is ignored.
            log.debug("Could not unsubscribe from {}: {}", channel.topic, e.toString());
        }
    }

    /** Returns once Redis confirmed the subscription (Lettuce's subscribe waits for the reply). */
    private void subscribeInRedis(byte[] name) {
        if (subscriber != null && subscriber.isSubscribed()) {
            subscriber.getSubscription().subscribe(name);
            return;
        }
        closeSubscriber();
        RedisConnection connection = connections.getConnection();
        try {
            connection.subscribe(this::onMessage, name);
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
        subscriber = connection;
    }

    /** Called by Lettuce on its I/O thread, one message at a time. */
    private void onMessage(Message message, byte[] pattern) {
        String channelName = new String(message.getChannel(), StandardCharsets.UTF_8);
        if (!channelName.startsWith(properties.channelPrefix())) {
            return;
        }
        Channel channel = channels.get(channelName.substring(properties.channelPrefix().length()));
        if (channel != null) {
            channel.deliver(new String(message.getBody(), StandardCharsets.UTF_8));
        }
    }

    @Override
    public synchronized void destroy() {
        channels.values().forEach(Channel::close);
        channels.clear();
        closeSubscriber();
    }

    private void closeSubscriber() {
        if (subscriber != null) {
            try {
                subscriber.close();
            } catch (RuntimeException e) {
                log.debug("Closing the Redis pub/sub connection: {}", e.toString());
            }
            subscriber = null;
        }
    }

    /** A topic with local subscribers: Redis messages in, parsed events out to every subscriber. */
    private final class Channel {

        final String topic;
        final byte[] name;
        /** Guarded by the bus. */
        int members;
        private final Sinks.Many<String> inbound = Sinks.many().unicast().onBackpressureBuffer();
        private final Sinks.Many<Received> outbound = Sinks.many().multicast().directBestEffort();
        private final Disposable worker;

        Channel(String topic) {
            this.topic = topic;
            this.name = (properties.channelPrefix() + topic).getBytes(StandardCharsets.UTF_8);
            this.worker = inbound.asFlux()
                    .publishOn(Schedulers.boundedElastic())
                    .subscribe(message -> parse(message).ifPresent(outbound::tryEmitNext));
        }

        void deliver(String message) {
            inbound.tryEmitNext(message);
        }

        Flux<Received> received() {
            return outbound.asFlux();
        }

        void close() {
            worker.dispose();
            outbound.tryEmitComplete();
        }

        private Optional<Received> parse(String message) {
            try {
                JsonNode envelope = json.readTree(message);
                return Optional.of(new Received(envelope.required("type").asString(), envelope.required("event")));
            } catch (JacksonException | IllegalArgumentException e) {
                log.warn("Ignoring a message on {} that is not an event envelope: {}", topic, e.toString());
                return Optional.empty();
            }
        }
    }

    /** One message, decoded at most once per class however many subscribers want it. */
    private final class Received {

        private final String type;
        private final JsonNode event;
        private final Map<Class<?>, Optional<?>> decoded = new ConcurrentHashMap<>();

        Received(String type, JsonNode event) {
            this.type = type;
            this.event = event;
        }

        <T> Optional<T> as(EventTypes<T> types) {
            return types.named(type).flatMap(concrete -> decoded.computeIfAbsent(concrete, this::decode)).map(types.type()::cast);
        }

        private Optional<?> decode(Class<?> concrete) {
            try {
                return Optional.of(json.treeToValue(event, concrete));
            } catch (JacksonException e) {
                log.warn("Ignoring an event of type {} that does not read as one: {}", type, e.toString());
                return Optional.empty();
            }
        }
    }
}
