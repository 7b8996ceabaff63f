package br.com.healthmed.scheduling;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Offers newly published slots to the doctor's waitlist, at least once. Publishing notes the publication
 * ({@link PublicationsToOffer}: markers of at most 100 slots) before it stores the slots; once they are
 * stored the markers are offered soon on a background thread, without holding up the doctor's request,
 * and each is removed when every slot of it was offered or found not offerable. A marker left behind —
 * the instance died, the queue was full, offering failed — is redone by the sweep once its grace (or its
 * backoff after a failure) is over. Offering is idempotent per waiter and slot (the offer's id is derived
 * from both, and the slot's claim is one conditional write), so a marker redone, or redone by two
 * instances at once, or by the sweep while the publishing instance still works on it, makes one offer per slot.
 */
@Component
class PublishedSlotOffers implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PublishedSlotOffers.class);
    /** Markers the sweep redoes per run: each names at most 100 slots, a few reads each. */
    static final int MARKERS_PER_SWEEP = 20;

    private final PublicationsToOffer markers;
    /** Looked up when needed, as the agenda did before: the offers wire in after the agenda that notes here. */
    private final ObjectProvider<WaitlistOffers> waitlist;
    private final Clock clock;
    private final ThreadPoolExecutor soon = new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES,
            new ArrayBlockingQueue<>(1_000), task -> {
                Thread thread = new Thread(task, "waitlist-published");
                thread.setDaemon(true);
                return thread;
            });
    /** Publications handed to {@link #published} and not yet offered (queued or running). */
    private final AtomicInteger inFlight = new AtomicInteger();

    PublishedSlotOffers(PublicationsToOffer markers, ObjectProvider<WaitlistOffers> waitlist, Clock clock) {
        this.markers = markers;
        this.waitlist = waitlist;
        this.clock = clock;
    }

    /**
     * Before the slots are stored: notes that each of them is to be offered, due for the sweep after the
     * grace. Throws when the markers could not be stored; then the slots must not be stored either.
     */
    List<PublicationsToOffer.Marker> note(List<SlotId> slots) {
        Instant now = clock.instant();
        List<PublicationsToOffer.Marker> noted = new ArrayList<>();
        for (int from = 0; from < slots.size(); from += PublicationsToOffer.SLOTS_PER_MARKER) {
            List<SlotId> page = slots.subList(from, Math.min(slots.size(), from + PublicationsToOffer.SLOTS_PER_MARKER));
            noted.add(new PublicationsToOffer.Marker(UUID.randomUUID(), page, now, 0, now.plus(PublicationsToOffer.GRACE)));
        }
        markers.add(noted);
        return noted;
    }

    /** The slots are stored: offered soon, in the background. A marker not done then is the sweep's. */
    void published(List<PublicationsToOffer.Marker> noted) {
        inFlight.incrementAndGet();
        try {
            soon.execute(() -> {
                try {
                    noted.forEach(this::offer);
                } finally {
                    inFlight.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException busy) {
            inFlight.decrementAndGet();
            log.info("Too many publications queued; the sweep offers these {} markers' slots to the waitlist after {}",
                    noted.size(), PublicationsToOffer.GRACE);
        }
    }

    /**
     * The publication stored none of these slots (refused, or each identical to one published before, which
     * its own publication offers): nothing to offer. A marker this fails to remove is harmless.
     */
    void forget(List<PublicationsToOffer.Marker> noted) {
        for (PublicationsToOffer.Marker marker : noted) {
            try {
                markers.remove(marker.id());
            } catch (RuntimeException e) {
                log.debug("Could not remove the marker of a refused publication; the sweep finds its slots missing", e);
            }
        }
    }

    /** The sweep: redoes the markers due (left behind, or failed and backed off); returns how many are done. */
    int redoDue() {
        int done = 0;
        for (PublicationsToOffer.Marker marker : markers.due(clock.instant(), MARKERS_PER_SWEEP)) {
            if (offer(marker)) {
                done++;
            }
        }
        return done;
    }

    /**
     * Offers every slot of the marker, then removes it; true when done. A failure (storage, or a slot left
     * held by an offer's claim not stored) leaves the marker, due again after a backoff that grows with
     * its failures ({@link CheckBackoff}): the slots offered before the failure are found offered when redone.
     */
    boolean offer(PublicationsToOffer.Marker marker) {
        try {
            WaitlistOffers offers = waitlist.getObject();
            marker.slots().forEach(offers::offerOrRetryLater);
            markers.remove(marker.id());
            return true;
        } catch (RuntimeException e) {
            int failures = marker.attempts() + 1;
            Instant next = CheckBackoff.after(clock.instant(), marker.id(), failures);
            log.warn("Could not offer the newly published slots of marker {} to the waitlist (failure {}); retried at {}: {}",
                    marker.id(), failures, next, e.toString());
            try {
                markers.retryAt(marker.id(), failures, next);
            } catch (RuntimeException stillFailing) {
                log.warn("Could not postpone marker {}; it is redone when due as it stands", marker.id(), stillFailing);
            }
            return false;
        }
    }

    /** Whether every publication handed to {@link #published} has been offered (for tests that wait on it). */
    boolean idle() {
        return inFlight.get() == 0;
    }

    @Override
    public void destroy() {
        soon.shutdownNow();
    }
}
