package br.com.healthmed.platform.events;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The embedded {@link EventBus} ({@code healthmed.events=memory}, the default): reaches subscribers of
 * this instance only. Right for one instance and for tests; several replicas need {@link RedisEventBus}.
 * A slow subscriber misses events rather than holding back the publisher.
 */
class InProcessEventBus implements EventBus {

    private final Map<String, Sinks.Many<Object>> topics = new ConcurrentHashMap<>();

    @Override
    public void publish(String topic, Object event) {
        Sinks.Many<Object> sink = topics.get(topic);
        if (sink != null) {
            // A sink takes one emission at a time; publishers take turns rather than retry.
            synchronized (sink) {
                sink.tryEmitNext(event);
            }
        }
    }

    @Override
    public <T> Flux<T> subscribe(String topic, Class<T> type) {
        return topics.computeIfAbsent(topic, t -> Sinks.many().multicast().directBestEffort())
                .asFlux()
                .ofType(type);
    }
}
