package br.com.healthmed.scheduling;

import br.com.healthmed.platform.events.EventBus;
import reactor.core.publisher.Flux;

/** An {@link EventBus} for a relay without subscribers: it only runs {@code onPublish} for each wake-up. */
final class DrillBus implements EventBus {

    private final Runnable onPublish;

    DrillBus(Runnable onPublish) {
        this.onPublish = onPublish;
    }

    @Override
    public void publish(String topic, Object event) {
        onPublish.run();
    }

    @Override
    public <T> Flux<T> subscribe(String topic, Class<T> type) {
        return Flux.never();
    }
}
