package br.com.healthmed.privacy;

import br.com.healthmed.platform.web.ClientAddress;
import br.com.healthmed.records.BlobStore;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The privacy module's periodic work, every {@code healthmed.lgpd.sweep-interval}: builds again the
 * copies whose builder died (pending for longer than {@code healthmed.lgpd.export-retry-after}), deletes
 * the bytes of expired copies, finishes deactivations whose cascade was cut short, and anonymises the
 * accounts whose grace has ended. Each step is idempotent, so instances may sweep at the same time.
 */
@Component
public class PrivacySweep {

    private static final Logger log = LoggerFactory.getLogger(PrivacySweep.class);
    private static final int BATCH = 100;

    private final DataExportStore exports;
    private final DataExportBuilder builder;
    private final BlobStore blobs;
    private final DeactivationStore deactivations;
    private final DeactivationCascade cascade;
    private final Anonymisation anonymisation;
    private final PrivacyProperties properties;
    private final Clock clock;

    PrivacySweep(DataExportStore exports, DataExportBuilder builder, BlobStore blobs, DeactivationStore deactivations,
                 DeactivationCascade cascade, Anonymisation anonymisation, PrivacyProperties properties, Clock clock) {
        this.exports = exports;
        this.builder = builder;
        this.blobs = blobs;
        this.deactivations = deactivations;
        this.cascade = cascade;
        this.anonymisation = anonymisation;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${healthmed.lgpd.sweep-interval:PT1M}", initialDelayString = "${healthmed.lgpd.sweep-interval:PT1M}")
    public void scheduledRun() {
        try {
            run();
        } catch (RuntimeException e) {
            log.warn("The privacy sweep failed; the next one tries again", e);
        }
    }

    /** One sweep; returns how many accounts it anonymised. */
    public int run() {
        Instant now = clock.instant();
        exports.pendingSince(now.minus(properties.exportRetryAfter()), BATCH).forEach(export -> builder.build(export.id()));
        for (DataExport expired : exports.expiredBy(now, BATCH)) {
            blobs.delete(expired.objectKey());
            exports.markDeleted(expired.id());
        }
        for (AccountState pending : deactivations.cascadesPending(BATCH)) {
            deactivations.state(pending.account())
                    .filter(state -> state.status() == AccountStatus.DEACTIVATED && !state.cascadeDone())
                    .ifPresent(state -> cascade.run(state, ClientAddress.UNKNOWN.value()));
        }
        int anonymised = 0;
        for (AccountState due : deactivations.graceEndedBy(now, BATCH)) {
            if (anonymisation.runIfDue(due)) {
                anonymised++;
            }
        }
        if (anonymised > 0) {
            log.info("Anonymised {} accounts whose grace after deactivation had ended", anonymised);
        }
        return anonymised;
    }

    /** Turns the scheduled sweep on. */
    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    static class Scheduling {}
}
