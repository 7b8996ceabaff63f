package br.com.healthmed.platform.events;

import reactor.core.publisher.Flux;

/**
 * Carries events from the module that publishes them to live subscribers (GraphQL subscriptions).
 * Delivery is at most once and only to subscribers connected at the time: it tells clients about
 * changes the moment they happen, never replaces reading the state. Implementations must pass
 * {@code EventBusContract}.
 */
public interface EventBus {

    void publish(String topic, Object event);

    /** Events published on {@code topic} from now on, of the given type; never completes by itself. */
    <T> Flux<T> subscribe(String topic, Class<T> type);
}
