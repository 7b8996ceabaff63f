package br.com.healthmed.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.healthmed.support.Concurrently;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.test.StepVerifier;

/**
 * What every {@link EventBus} promises. Delivery may be asynchronous (Redis), so tests wait for what
 * must arrive; to show that something did NOT arrive they wait for a later event on the same topic,
 * since a topic's events reach a subscriber in order.
 */
abstract class EventBusContract {

    private static final Duration WAIT = Duration.ofSeconds(10);

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

        await().atMost(WAIT).until(() -> first.size() == 10 && second.size() == 10);
        assertThat(first).extracting(Ping::n).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
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

        await().atMost(WAIT).until(() -> received.size() >= 4000);
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
        await().atMost(WAIT).until(() -> stays.size() == 1 && leaves.size() == 1);
        leaving.dispose();
        bus().publish("churn", new Ping(2));
        bus().publish("churn", new Ping(3));

        await().atMost(WAIT).until(() -> stays.size() >= 3);
        assertThat(stays).containsExactly(new Ping(1), new Ping(2), new Ping(3));
        assertThat(leaves).containsExactly(new Ping(1));
        staying.dispose();
    }

    @Test
    void aTopicWhoseLastSubscriberLeftCanBeSubscribedAgain() {
        bus().subscribe("again", Ping.class).subscribe().dispose();

        StepVerifier.create(bus().subscribe("again", Ping.class).take(1))
                .then(() -> bus().publish("again", new Ping(7)))
                .expectNext(new Ping(7))
                .expectComplete()
                .verify(WAIT);
    }
}
