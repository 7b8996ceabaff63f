package br.com.healthmed.scheduling;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.events.log.EventLogFeed;
import br.com.healthmed.platform.events.log.EventLogFeeds;
import br.com.healthmed.platform.events.log.WakeUps;
import java.util.Optional;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;

/**
 * An account's appointment events as a subscription sees them: its event log replayed after a cursor,
 * then live, by the loop every event log shares ({@link EventLogFeed}; docs/events.md). Cursors are tagged
 * {@code ev1}, as they were before that loop was shared, so the ids clients hold keep working.
 */
@Service
public class AppointmentEventFeed {

    /**
     * The wake-up: the account's log has an entry at {@code position}. Travels on {@link AppointmentEvent#TOPIC}
     * with this class's name and these two fields, as it did before the loop was shared: instances of both
     * releases read each other's (AppointmentWakeUpJsonTest).
     */
    public record Appended(AccountId account, long position) {}

    static final WakeUps<Appended> WAKE_UPS = new WakeUps<>(AppointmentEvent.TOPIC, Appended.class, a -> a.account().toString());
    static final EventLogFeed.Kind KIND = new EventLogFeed.Kind("ev1", WAKE_UPS, "appointment events", "read your appointments");

    private final EventLogFeed<AppointmentEvent> feed;

    AppointmentEventFeed(AppointmentEventStore store, EventLogFeeds feeds) {
        this.feed = feeds.feed(KIND, store.log());
    }

    /** See {@link EventLogFeed#follow}. */
    public Flux<EventLogFeed.Delivery<AppointmentEvent>> follow(AccountId account, Optional<String> after) {
        return feed.follow(account, after);
    }

    /** See {@link EventLogFeed#cursor}. */
    public String cursor(AccountId account) {
        return feed.cursor(account);
    }
}
