package br.com.healthmed.records;

import br.com.healthmed.platform.events.EventBus;
import br.com.healthmed.platform.events.log.EventLog;
import br.com.healthmed.platform.events.log.Logged;
import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * During a rolling deploy from the release before the patients' event logs, that release's instances still
 * relay notes and documents: they publish the whole event on {@link ClinicalRecordEvent#TOPIC} and append it
 * to no log (their sweeps also pick up notices this release wrote and left). A subscriber on this release
 * follows the log only, so without this it would never hear of those events, live or in a replay. This
 * instance listens on the old topic and appends what it hears to the patient's log, then wakes the log's
 * subscribers. The append is idempotent by the event's id, so the events this release publishes there
 * itself (for the old release's subscribers) and every instance hearing each one add nothing twice; the cost
 * is one log read per event per instance. Drop it with the old-topic publish in
 * {@link ClinicalRecordRelay}, one release later (docs/events.md, "Rolling deploys").
 */
@Component
class PreviousReleaseEvents implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PreviousReleaseEvents.class);

    private final EventBus bus;
    private final EventLog<ClinicalRecordEvent> patientLogs;
    private final Clock clock;
    private @Nullable Disposable listening;

    PreviousReleaseEvents(EventBus bus, EventLog<ClinicalRecordEvent> patientLogs, Clock clock) {
        this.bus = bus;
        this.patientLogs = patientLogs;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    synchronized void listen() {
        if (listening != null) {
            return;
        }
        listening = bus.subscribe(ClinicalRecordEvent.TOPIC, ClinicalRecordEvent.class)
                // storage calls off the bus's own thread, one event at a time
                .concatMap(event -> Mono.fromRunnable(() -> intoLog(event)).subscribeOn(Schedulers.boundedElastic()), 1)
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(30))
                        .doBeforeRetry(failed -> log.warn("Not hearing the previous release's clinical events; listening again: {}",
                                failed.failure().toString())))
                .subscribe();
    }

    /** Appends one event heard on the old topic; a failure is logged and the event left to the timeline. */
    void intoLog(ClinicalRecordEvent event) {
        try {
            Logged<ClinicalRecordEvent> logged = patientLogs.append(event.patient(), event, clock.instant());
            bus.publish(ClinicalRecordFeed.TOPIC, new ClinicalRecordFeed.Appended(event.patient(), logged.position()));
        } catch (RuntimeException failed) {
            log.warn("Could not add clinical-record event {} of the previous release to its patient's log: {}",
                    event.id(), failed.toString());
        }
    }

    @Override
    public synchronized void destroy() {
        if (listening != null) {
            listening.dispose();
        }
    }
}
