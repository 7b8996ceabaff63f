package br.com.healthmed.scheduling;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.events.EventBus;
import br.com.healthmed.platform.events.log.Logged;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers appointment events at least once to every target: the two participants' event logs (which
 * subscriptions follow; each append wakes the subscribers up through the {@link EventBus}) and every
 * {@link AppointmentEventListener}.
 *
 * <p>Before a change is written its outbox entry is noted ({@link #expect}); the change's own
 * conditional write stores its events (the appointment's history). Right after the write, this
 * instance relays them ({@link #soon}); should it die first, any instance's sweep finds the entry
 * and relays them. Progress is recorded per target in the entry, so a crash costs at most a repeat of
 * the step it interrupted: an append finds its event already in the log; a listener gets the same
 * event id again and ignores it. A listener that throws is retried with backoff, alone: the logs and
 * the other listeners go on.
 */
@Component
class EventRelay implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EventRelay.class);
    /** The target name of the participants' event logs. */
    static final String LOGS = "logs";
    private static final int SWEEP_BATCH = 100;
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(3);

    private final AppointmentStore appointments;
    private final AppointmentEventStore store;
    private final EventBus bus;
    private final List<AppointmentEventListener> listeners;
    private final Clock clock;
    private final Duration retention;
    private final ThreadPoolExecutor executor;

    EventRelay(AppointmentStore appointments, AppointmentEventStore store, EventBus bus,
               List<AppointmentEventListener> listeners, Clock clock,
               @Value("${healthmed.events.retention:P7D}") Duration retention,
               @Value("${healthmed.events.relay-threads:16}") int relayThreads) {
        this.appointments = appointments;
        this.store = store;
        this.bus = bus;
        this.listeners = List.copyOf(listeners);
        this.clock = clock;
        this.retention = retention;
        AtomicInteger threads = new AtomicInteger();
        // A relay mostly waits on storage (reading the entry and the appointment, appending to two logs,
        // recording progress, the listeners' own writes), so it gets more threads than there are cores:
        // with two, 50 changes/s on DynamoDB queued for seconds (BENCHMARKS.md, appointment events).
        this.executor = new ThreadPoolExecutor(relayThreads, relayThreads, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(10_000), task -> {
            Thread thread = new Thread(task, "event-relay-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Before writing {@code changed} over {@code current} (empty for a new appointment). */
    void expect(Optional<Appointment> current, Appointment changed) {
        if (current.filter(c -> c.history().size() == changed.history().size()).isPresent()) {
            return; // a change without a step (a rating): no event
        }
        store.expect(changed.id(), changed.version(), current.map(a -> a.history().size()).orElse(0), clock.instant());
    }

    /**
     * After {@code changed} is stored over {@code current}: relays its events from this instance, without
     * holding up the caller. Notes the entry again first (a no-op when it is still there): a relay may
     * have cleared it between this change's note and its write, having read the appointment before the
     * write and found everything up to then delivered; the entry comes back and the change's events go out.
     */
    void soon(Optional<Appointment> current, Appointment changed) {
        AppointmentId id = changed.id();
        try {
            expect(current, changed);
        } catch (RuntimeException e) {
            log.warn("Could not note the outbox entry of appointment {} again; relaying what is there: {}", id, e.toString());
        }
        try {
            executor.execute(() -> {
                try {
                    relay(id);
                } catch (RuntimeException e) {
                    log.warn("Could not relay the events of appointment {} now; the sweep will: {}", id, e.toString());
                }
            });
        } catch (RejectedExecutionException busy) {
            log.debug("Relay queue full; the sweep relays appointment {}", id);
        }
    }

    @Scheduled(fixedDelayString = "${healthmed.events.relay-interval:PT5S}",
            initialDelayString = "${healthmed.events.relay-interval:PT5S}")
    void onSchedule() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("Event relay sweep could not read the outbox; the next one tries again: {}", e.toString());
        }
    }

    /** Relays every due outbox entry; returns how many were finished. */
    int sweep() {
        int finished = 0;
        for (AppointmentEventStore.Pending pending : store.due(clock.instant(), SWEEP_BATCH)) {
            try {
                if (relay(pending.appointment())) {
                    finished++;
                }
            } catch (RuntimeException e) {
                log.warn("Could not relay the events of appointment {}; will retry: {}", pending.appointment(), e.toString());
            }
        }
        return finished;
    }

    /**
     * Delivers what the appointment's outbox entry says is missing; true when the entry is done and
     * cleared. The entry is read before the appointment, so the appointment read is at least as new
     * as every change the entry announces.
     */
    boolean relay(AppointmentId id) {
        Optional<AppointmentEventStore.Pending> found = store.pending(id);
        if (found.isEmpty()) {
            return false;
        }
        AppointmentEventStore.Pending pending = found.get();
        Instant now = clock.instant();
        Optional<Appointment> appointment;
        try {
            appointment = appointments.find(id);
        } catch (RuntimeException e) {
            log.warn("Could not read appointment {} to relay its events; retrying later with backoff: {}", id, e.toString());
            return failed(pending, now);
        }
        boolean writerMayStillWrite = appointment.map(a -> a.version() < pending.version()).orElse(true)
                && now.isBefore(pending.writerUntil());
        List<AppointmentEvent> events = appointment.map(AppointmentEvent::allOf).orElse(List.of());
        boolean allDelivered = toLogs(pending, events, now);
        for (AppointmentEventListener listener : listeners) {
            allDelivered &= toListener(listener, pending, events);
        }
        if (!allDelivered) {
            return failed(pending, now);
        }
        if (!writerMayStillWrite) {
            return store.clear(id, pending.version());
        }
        store.retryAt(id, pending.attempts(), pending.writerUntil());
        return false;
    }

    /**
     * Some target could not be served: the entry is due again after a growing delay (so a failure
     * costs one attempt per backoff, not one per sweep of every instance), or, once older than the
     * retention, given up. True when it was given up and cleared.
     */
    private boolean failed(AppointmentEventStore.Pending pending, Instant now) {
        if (now.isAfter(pending.since().plus(retention))) {
            log.error("Giving up on the events of appointment {}: undelivered for longer than the retention", pending.appointment());
            return store.clear(pending.appointment(), pending.version());
        }
        store.retryAt(pending.appointment(), pending.attempts() + 1, now.plus(backoff(pending.attempts())));
        return false;
    }

    /** Appends the missing events to both participants' logs; false (logged) when storage failed. */
    private boolean toLogs(AppointmentEventStore.Pending pending, List<AppointmentEvent> events, Instant now) {
        int from = pending.deliveredTo(LOGS);
        if (from >= events.size()) {
            return true;
        }
        try {
            for (AppointmentEvent event : events.subList(from, events.size())) {
                for (AccountId account : List.of(event.doctorId(), event.patientId())) {
                    Logged<AppointmentEvent> logged = store.log().append(account, event, now);
                    bus.publish(AppointmentEvent.TOPIC, new AppointmentEventFeed.Appended(account, logged.position()));
                }
            }
            store.delivered(pending.appointment(), LOGS, events.size());
            return true;
        } catch (RuntimeException e) {
            log.warn("Could not log the events of appointment {}; retrying later with backoff: {}", pending.appointment(), e.toString());
            return false;
        }
    }

    /** Calls the listener with its missing events in order, stopping at the first that fails. */
    private boolean toListener(AppointmentEventListener listener, AppointmentEventStore.Pending pending,
                               List<AppointmentEvent> events) {
        int from = pending.deliveredTo(listener.name());
        int reached = from;
        boolean ok = true;
        try {
            for (; reached < events.size(); reached++) {
                listener.on(events.get(reached));
            }
        } catch (RuntimeException e) {
            ok = false;
            log.warn("Listener {} failed on event {}; retrying later with backoff: {}", listener.name(),
                    events.get(reached).id(), e.toString());
        }
        if (reached > from) {
            try {
                store.delivered(pending.appointment(), listener.name(), reached);
            } catch (RuntimeException e) { // the listener gets these again: it ignores ids it had
                log.warn("Could not record the progress of listener {} on appointment {}: {}", listener.name(),
                        pending.appointment(), e.toString());
                ok = false;
            }
        }
        return ok;
    }

    private static Duration backoff(int attempts) {
        Duration delay = Duration.ofSeconds(1L << Math.min(attempts, 12));
        return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
    }

    /**
     * At shutdown (after the web server drained its requests), the relays under way and queued get a
     * few seconds to finish: cut, their events would wait for another instance's sweep (at least the 10 s
     * grace), and a rolling restart would delay every change made in its last moments.
     */
    @Override
    public void destroy() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
            executor.shutdownNow();
        }
    }
}
