package br.com.healthmed.directory;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finishes profile saves and withdrawals that a stopped process left between the profile write and its
 * listings ({@link DirectoryStore#healListings}), so the search follows the stored profile even for a doctor
 * who never saves again, and a withdrawn doctor stops being found. Every instance may sweep at once: each
 * listing write is conditioned on the profile version it shows.
 */
@Component
class DirectorySweep {

    private static final Logger log = LoggerFactory.getLogger(DirectorySweep.class);
    /** A save younger than this may still be writing its listings: leave it to finish. */
    static final Duration GRACE = Duration.ofMinutes(1);

    private final DirectoryStore store;
    private final Clock clock;

    DirectorySweep(DirectoryStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${healthmed.directory.sweep-interval:PT5M}",
            initialDelayString = "${healthmed.directory.sweep-interval:PT5M}")
    void onSchedule() {
        try {
            int healed = store.healListings(clock.instant().minus(GRACE));
            if (healed > 0) {
                log.info("Finished the listings of {} doctor profiles left half written", healed);
            }
        } catch (RuntimeException e) {
            // a doctor who fails is logged by the store and skipped: this is a shard's query failing
            log.warn("The directory sweep stopped before reading every shard of pending profiles; the next one tries again", e);
        }
    }
}
