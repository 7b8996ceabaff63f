package br.com.healthmed.records;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.events.log.EventLog;
import br.com.healthmed.platform.events.log.EventLogFeed;
import br.com.healthmed.platform.events.log.EventLogFeeds;
import br.com.healthmed.platform.events.log.WakeUps;
import java.util.Optional;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;

/**
 * A patient's clinical-record events as {@code clinicalRecordEvents} sees them: the patient's event log
 * (appended by {@link ClinicalRecordRelay}) replayed after a cursor, then live, by the loop every event log
 * shares ({@link EventLogFeed}; docs/events.md). Cursors are tagged {@code cr1}.
 */
@Service
public class ClinicalRecordFeed {

    /**
     * The topic of the wake-ups. Not {@link ClinicalRecordEvent#TOPIC}: there the previous release published
     * whole events and its instances read every payload as one, so during a rolling deploy the two shapes
     * must not meet on one topic (docs/events.md, "Rolling deploys").
     */
    public static final String TOPIC = "records.clinical.log";

    /** The wake-up: the patient's log has an entry at {@code position}. */
    public record Appended(AccountId patient, long position) {}

    static final EventLogFeed.Kind KIND = new EventLogFeed.Kind("cr1",
            new WakeUps<>(TOPIC, Appended.class, a -> a.patient().toString()), "clinical-record events", "read myRecord.timeline");

    private final EventLogFeed<ClinicalRecordEvent> feed;

    ClinicalRecordFeed(EventLog<ClinicalRecordEvent> log, EventLogFeeds feeds) {
        this.feed = feeds.feed(KIND, log);
    }

    /** See {@link EventLogFeed#follow}. */
    public Flux<EventLogFeed.Delivery<ClinicalRecordEvent>> follow(AccountId patient, Optional<String> after) {
        return feed.follow(patient, after);
    }

    /** See {@link EventLogFeed#cursor}. */
    public String cursor(AccountId patient) {
        return feed.cursor(patient);
    }
}
