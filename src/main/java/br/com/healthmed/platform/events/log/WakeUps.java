package br.com.healthmed.platform.events.log;

import br.com.healthmed.platform.events.EventBus;
import java.util.function.Function;
import reactor.core.publisher.Flux;

/**
 * How the wake-ups of one kind of log travel on the {@link EventBus}: the topic, the payload's class
 * (it travels with its class name, so both stay as they are while instances of two releases share the
 * bus: a new payload shape takes a new topic), and whose log a payload says grew. A wake-up only makes a
 * subscription read sooner; one lost costs at most a poll interval.
 */
public record WakeUps<W>(String topic, Class<W> type, Function<W, String> ownerOf) {

    Flux<String> owners(EventBus bus) {
        return bus.subscribe(topic, type).map(ownerOf);
    }
}
