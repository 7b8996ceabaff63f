package br.com.healthmed.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.support.Concurrently;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.test.StepVerifier;

/** What every {@link EventBus} promises. */
abstract class EventBusContract {

    record Ping(int n) {}

    record Other(String s) {}

    protected abstract EventBus bus();

    @Test
    void aSubscriberReceivesWhatIsPublishedOnItsTopicAfterItSubscribed() {
        bus().publish("t1", new Ping(0)); // before anyone listens: lost, by design

        StepVerifier.create(bus().subscribe("t1", Ping.class).take(2))
                .then(() -> {
                    bus().publish("t2", new Ping(99));
                    bus().publish("t1", new Ping(1));
                    bus().publish("t1", new Other("not a ping"));
                    bus().publish("t1", new Ping(2));
                })
                .expectNext(new Ping(1), new Ping(2))
                .expectComplete()
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void everySubscriberGetsEveryEvent() {
        List<Ping> first = new CopyOnWriteArrayList<>();
        List<Ping> second = new CopyOnWriteArrayList<>();
        Disposable a = bus().subscribe("fan", Ping.class).subscribe(first::add);
        Disposable b = bus().subscribe("fan", Ping.class).subscribe(second::add);

        for (int i = 0; i < 10; i++) {
            bus().publish("fan", new Ping(i));
        }

        assertThat(first).hasSize(10);
        assertThat(second).containsExactlyElementsOf(first);
        a.dispose();
        b.dispose();
    }

    @Test
    void eventsPublishedConcurrentlyAreAllDelivered() throws Exception {
        List<Ping> received = new CopyOnWriteArrayList<>();
        Disposable subscription = bus().subscribe("busy", Ping.class).subscribe(received::add);

        Concurrently.run(8, thread -> () -> {
            for (int i = 0; i < 500; i++) {
                bus().publish("busy", new Ping(thread * 1000 + i));
            }
            return null;
        });

        assertThat(received).hasSize(4000).doesNotHaveDuplicates();
        subscription.dispose();
    }

    @Test
    void aCancelledSubscriberReceivesNothingMoreAndOthersCarryOn() {
        List<Ping> stays = new CopyOnWriteArrayList<>();
        List<Ping> leaves = new CopyOnWriteArrayList<>();
        Disposable staying = bus().subscribe("churn", Ping.class).subscribe(stays::add);
        Disposable leaving = bus().subscribe("churn", Ping.class).subscribe(leaves::add);

        bus().publish("churn", new Ping(1));
        leaving.dispose();
        bus().publish("churn", new Ping(2));

        assertThat(leaves).containsExactly(new Ping(1));
        assertThat(stays).containsExactly(new Ping(1), new Ping(2));
        staying.dispose();
    }
}
