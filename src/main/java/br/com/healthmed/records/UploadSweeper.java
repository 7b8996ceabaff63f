package br.com.healthmed.records;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes what uploads never completed left behind: the intent and any bytes a client PUT without
 * calling {@code completeFileUpload}. Expired intents are invisible already (expiry is checked at
 * read time); this reclaims the storage and gives the quota they held back. An intent completed at
 * the last moment is kept: it is deleted only while still pending, and its bytes and hold only after
 * that.
 */
@Component
public class UploadSweeper {

    private static final Logger log = LoggerFactory.getLogger(UploadSweeper.class);
    private static final int BATCH = 100;

    private final HealthRecordStore store;
    private final UploadQuota quota;
    private final Clock clock;

    UploadSweeper(HealthRecordStore store, UploadQuota quota, Clock clock) {
        this.store = store;
        this.quota = quota;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${healthmed.records.sweep-interval:PT5M}", initialDelayString = "${healthmed.records.sweep-interval:PT5M}")
    public void scheduledSweep() {
        try {
            int swept = sweep();
            if (swept > 0) {
                log.info("Swept {} expired uploads", swept);
            }
        } catch (RuntimeException e) {
            log.warn("Sweeping expired uploads failed; the next sweep tries again", e);
        }
    }

    /** Sweeps every upload that has expired by now; the number swept. */
    public int sweep() {
        int swept = 0;
        int sweptNow;
        List<RecordFile> expired;
        do {
            sweptNow = 0;
            expired = store.expiredUploads(clock.instant(), BATCH);
            for (RecordFile upload : expired) {
                if (store.deleteIfPending(upload.id())) {
                    quota.release(upload);
                    sweptNow++;
                }
            }
            swept += sweptNow;
            // A full batch of which nothing could be swept is an index lagging behind: try next time.
        } while (expired.size() == BATCH && sweptNow > 0);
        return swept;
    }
}
