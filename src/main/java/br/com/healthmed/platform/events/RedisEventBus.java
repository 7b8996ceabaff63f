package br.com.healthmed.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
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
 * connection). The first local subscriber of a topic has it subscribed in Redis and its
 * {@code subscribe} returns once Redis has confirmed, so "subscribe, then read the current state"
 * leaves no gap even across instances; the last one to cancel has it unsubscribed.
 *
 * <p><b>Redis never holds nor fails a subscriber.</b> Every SUBSCRIBE and UNSUBSCRIBE is made by one
 * background thread that brings Redis to the topics wanted (so they reach Redis in the order the bus
 * decided them); a subscriber waits for the confirmation at most {@code subscribe-wait} (0.5 s) and
 * then goes on unconfirmed. While Redis does not answer, or cannot be reached, that thread tries again
 * with growing, jittered delays (1 s … 30 s), one attempt at a time however many subscribers arrive,
 * and the subscribers hear their topics once it succeeds. Before, each new subscriber tried Redis
 * itself, under the bus's lock: one after another they waited the 2 s timeout, and the subscription
 * ended with an error.
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
    /** Makes every Redis (un)subscription, one at a time; the fields below are its own. */
    private final ScheduledExecutorService redisSide = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "redis-event-bus");
        thread.setDaemon(true);
        return thread;
    });
    /** The one pub/sub connection; subscribed to every topic in {@link #inRedis}. */
    private @Nullable RedisConnection subscriber;
    /** The topics Redis confirmed on {@link #subscriber}. */
    private final Set<String> inRedis = new HashSet<>();
    private int failuresInARow;
    private boolean retryScheduled;

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
     * Adds a local subscriber to the topic; the topic's first has it subscribed in Redis, and waits for
     * the confirmation at most {@code subscribe-wait} (as does anyone joining before it came).
     */
    private Channel join(String topic) {
        Channel channel;
        boolean first;
        synchronized (this) {
            channel = channels.get(topic);
            first = channel == null;
            if (first) {
                channel = new Channel(topic);
                channels.put(topic, channel);
            }
            channel.members++;
        }
        if (first) {
            bringRedisUpToDate();
        }
        channel.awaitConfirmation(properties.subscribeWait());
        return channel;
    }

    private void leave(Channel channel) {
        synchronized (this) {
            if (--channel.members > 0 || channels.get(channel.topic) != channel) {
                return;
            }
            channels.remove(channel.topic);
            channel.close();
        }
        bringRedisUpToDate();
    }

    /** Asks the Redis side to (un)subscribe what changed; while it waits to retry a failure, the retry will. */
    private void bringRedisUpToDate() {
        try {
            redisSide.execute(() -> {
                if (!retryScheduled) {
                    reconcile();
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
            log.debug("The event bus is closing; Redis is not brought up to date");
        }
    }

    /**
     * On the Redis side's thread: subscribes in Redis what has local subscribers and is not subscribed,
     * unsubscribes what is subscribed and has none. Lettuce's subscribe returns once Redis confirmed.
     * A failure drops the connection (Lettuce would otherwise leave it half-subscribed) and tries again
     * after a growing, jittered delay.
     */
    private void reconcile() {
        retryScheduled = false;
        Set<String> wanted;
        synchronized (this) {
            wanted = new HashSet<>(channels.keySet());
        }
        try {
            Set<String> unwanted = new HashSet<>(inRedis);
            unwanted.removeAll(wanted);
            if (!unwanted.isEmpty() && subscriber != null && subscriber.isSubscribed()) {
                subscriber.getSubscription().unsubscribe(names(unwanted));
            }
            inRedis.removeAll(unwanted);
            if (subscriber != null && !subscriber.isSubscribed()) { // its last channel went: Spring closed the subscription
                closeSubscriber();
            }
            Set<String> missing = new HashSet<>(wanted);
            missing.removeAll(inRedis);
            if (!missing.isEmpty()) {
                if (subscriber == null) {
                    RedisConnection connection = connections.getConnection();
                    try {
                        connection.subscribe(this::onMessage, names(missing));
                    } catch (RuntimeException e) {
                        connection.close();
                        throw e;
                    }
                    subscriber = connection;
                } else {
                    subscriber.getSubscription().subscribe(names(missing));
                }
                inRedis.addAll(missing);
            }
            if (failuresInARow > 0) {
                log.info("Redis takes subscriptions again: live updates reach this instance");
            }
            failuresInARow = 0;
            confirmed();
        } catch (RuntimeException e) {
            closeSubscriber();
            failuresInARow++;
            long delay = Math.min(30_000L, 1_000L << Math.min(failuresInARow - 1, 5));
            delay = delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1);
            if (failuresInARow == 1) {
                log.warn("Redis did not take the subscriptions; subscribers hear nothing from other instances until it does (retrying): {}",
                        e.toString());
            } else {
                log.debug("Redis did not take the subscriptions (failure {}; next try in {} ms): {}", failuresInARow, delay, e.toString());
            }
            retryScheduled = true;
            redisSide.schedule(this::reconcile, delay, TimeUnit.MILLISECONDS);
        }
    }

    private void confirmed() {
        for (Channel channel : channels.values()) {
            if (inRedis.contains(channel.topic)) {
                channel.confirmed.complete(null);
            }
        }
    }

    private byte[][] names(Set<String> topics) {
        return topics.stream().map(topic -> (properties.channelPrefix() + topic).getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
    }

    /** Called by Lettuce on its I/O thread, one message at a time. */
    private void onMessage(Message message, byte @Nullable [] pattern) {
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
    public void destroy() {
        synchronized (this) {
            channels.values().forEach(Channel::close);
            channels.clear();
        }
        try {
            redisSide.submit(this::closeSubscriber).get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | java.util.concurrent.RejectedExecutionException e) {
            log.debug("Closing the Redis pub/sub connection: {}", e.toString());
        }
        redisSide.shutdownNow();
    }

    /** On the Redis side's thread (or once it is stopped). */
    private void closeSubscriber() {
        inRedis.clear();
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
        /** Guarded by the bus. */
        int members;
        /** Completed once Redis confirmed the topic's subscription. */
        final CompletableFuture<Void> confirmed = new CompletableFuture<>();
        private final Sinks.Many<String> inbound = Sinks.many().unicast().onBackpressureBuffer();
        private final Sinks.Many<Received> outbound = Sinks.many().multicast().directBestEffort();
        private final Disposable worker;

        Channel(String topic) {
            this.topic = topic;
            this.worker = inbound.asFlux()
                    .publishOn(Schedulers.boundedElastic())
                    .subscribe(message -> parse(message).ifPresent(outbound::tryEmitNext));
        }

        /** Waits at most {@code wait} for Redis to confirm; an unconfirmed subscriber goes on and hears the topic once it does. */
        void awaitConfirmation(Duration wait) {
            try {
                confirmed.get(wait.toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException notYet) {
                log.debug("Redis has not confirmed the subscription to {} within {} ms; going on without", topic, wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException cannotHappen) {
                throw new IllegalStateException(cannotHappen);
            }
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
