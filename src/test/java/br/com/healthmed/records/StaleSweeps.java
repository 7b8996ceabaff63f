package br.com.healthmed.records;

import org.springframework.context.ApplicationContext;

/**
 * What a sweep on another instance does with a tombstone it read before this instance forgot it: the
 * deletion's last steps replayed with that stale copy (for tests outside this package; {@link FileDeletions}
 * is the records module's own).
 */
public final class StaleSweeps {

    private StaleSweeps() {}

    public static void sweep(ApplicationContext context, RecordFile staleTombstone) {
        context.getBean(FileDeletions.class).sweep(staleTombstone);
    }
}
