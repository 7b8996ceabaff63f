package br.com.healthmed.records;

import br.com.healthmed.platform.events.EventBus;
import br.com.healthmed.platform.events.log.EventLog;
import br.com.healthmed.platform.events.log.Logged;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers {@link ClinicalRecordEvent}s at least once: to the patient's event log (which {@code clinicalRecordEvents}
 * follows, {@link ClinicalRecordFeed}; each append wakes its subscribers up through the {@link EventBus}) and to every
 * {@link ClinicalRecordListener} (the patient's e-mail). The log comes first, so a notice is settled only once its
 * event is there, and the append is idempotent by the event's id: a notice relayed again finds it where it is. The event's
 * notice is stored with the note version or the document it is about ({@link RecordNoticeStore}); right after
 * the write this instance relays it ({@link #soon}), and should it die first, any instance's sweep finds the
 * notice once it is due and relays it. A listener that throws gets the notice again later (1 s, 2 s, 4 s … up
 * to an hour), until {@code notice-retention}, then it is given up and logged. Listeners are idempotent by
 * event id, so a notice relayed twice (two sweeps, a crash before it was settled) has no second effect.
 */
@Component
public class ClinicalRecordRelay implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ClinicalRecordRelay.class);
    /** How long a new notice is left to the instance that wrote it before sweeps pick it up. */
    public static final Duration RELAY_GRACE = Duration.ofSeconds(10);
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);
    private static final int SWEEP_BATCH = 100;

    private final RecordNoticeStore notices;
    private final EventLog<ClinicalRecordEvent> patientLogs;
    private final List<ClinicalRecordListener> listeners;
    private final EventBus bus;
    private final ClinicalRecordProperties properties;
    private final Clock clock;
    private final ExecutorService executor = Executors.newFixedThreadPool(2, task -> {
        Thread thread = new Thread(task, "clinical-record-relay");
        thread.setDaemon(true);
        return thread;
    });

    ClinicalRecordRelay(RecordNoticeStore notices, EventLog<ClinicalRecordEvent> patientLogs, List<ClinicalRecordListener> listeners,
                        EventBus bus, ClinicalRecordProperties properties, Clock clock) {
        this.notices = notices;
        this.patientLogs = patientLogs;
        this.listeners = List.copyOf(listeners);
        this.bus = bus;
        this.properties = properties;
        this.clock = clock;
    }

    /** When a notice written at {@code now} becomes due for the sweeps. */
    Instant firstSweepAfter(Instant now) {
        return now.plus(RELAY_GRACE);
    }

    /** Relays a notice just stored, in the background. */
    void soon(RecordNotice notice) {
        try {
            executor.execute(() -> relay(notice));
        } catch (RejectedExecutionException shuttingDown) {
            log.debug("Notice {} left to the sweep", notice.event().id());
        }
    }

    @Scheduled(fixedDelayString = "${healthmed.records.clinical.notice-interval:PT5S}",
            initialDelayString = "${healthmed.records.clinical.notice-interval:PT5S}")
    public void sweep() {
        try {
            notices.due(clock.instant(), SWEEP_BATCH).forEach(this::relay);
        } catch (RuntimeException e) {
            log.warn("Looking for clinical-record notices failed; the next sweep tries again: {}", e.toString());
        }
    }

    /**
     * Appends the notice's event to the patient's log, wakes the subscribers up, delivers it to every listener,
     * then settles it; on failure, retries later (the append finds the event in the log again).
     */
    void relay(RecordNotice notice) {
        ClinicalRecordEvent event = notice.event();
        try {
            Logged<ClinicalRecordEvent> logged = patientLogs.append(event.patient(), event, clock.instant());
            // The wake-up goes before the listeners: the event is in the log already, and a slow or failing
            // mailer must not hold the live subscribers back until their next poll. Publishing never throws.
            bus.publish(ClinicalRecordFeed.TOPIC, new ClinicalRecordFeed.Appended(event.patient(), logged.position()));
            // For the previous release's live subscribers, until its last instance is gone: it reads whole events here.
            bus.publish(ClinicalRecordEvent.TOPIC, event);
            for (ClinicalRecordListener listener : listeners) {
                listener.on(event);
            }
            notices.delivered(event);
        } catch (RuntimeException failed) {
            Instant now = clock.instant();
            int attempts = notice.attempts() + 1;
            if (!now.isBefore(event.at().plus(properties.noticeRetention()))) {
                log.error("Giving up clinical-record notice {} after {} attempts: {}", event.id(), attempts, failed.toString());
                notices.delivered(event);
                return;
            }
            Duration backoff = Duration.ofSeconds(1L << Math.min(attempts - 1, 12));
            Instant next = now.plus(backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff);
            log.warn("Clinical-record notice {} not delivered (attempt {}), again at {}: {}", event.id(), attempts, next, failed.toString());
            try {
                notices.retryAt(event, attempts, next);
            } catch (RuntimeException storage) {
                log.warn("Could not record the next attempt of notice {}; the sweep finds it anyway: {}", event.id(), storage.toString());
            }
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
