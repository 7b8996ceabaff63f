package br.com.healthmed.privacy;

import br.com.healthmed.records.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Builds requested copies, off the request thread: the ZIP is written to a temporary file (owner-only,
 * deleted right after), stored encrypted on the blob store under the copy's random key, then the copy
 * is marked READY (the commit point) and the account's running marker released. Every step may be
 * repeated: a build that dies leaves the copy PENDING, and the sweep builds it again (the object is
 * replaced); after {@code healthmed.lgpd.export-attempts} builds it is given up as FAILED.
 */
@Component
class DataExportBuilder {

    private static final Logger log = LoggerFactory.getLogger(DataExportBuilder.class);
    static final String CONTENT_TYPE = "application/zip";

    private final DataExportStore store;
    private final ExportArchive archive;
    private final BlobStore blobs;
    private final PrivacyProperties properties;
    private final Clock clock;
    /** Copies this instance is building now: the sweep does not start a second build of one here. */
    private final Set<UUID> building = ConcurrentHashMap.newKeySet();
    private final ExecutorService builders = Executors.newFixedThreadPool(2, r -> {
        Thread thread = new Thread(r, "data-export-builder");
        thread.setDaemon(true);
        return thread;
    });

    DataExportBuilder(DataExportStore store, ExportArchive archive, BlobStore blobs, PrivacyProperties properties, Clock clock) {
        this.store = store;
        this.archive = archive;
        this.blobs = blobs;
        this.properties = properties;
        this.clock = clock;
    }

    /** Builds the copy soon, on a builder thread; if none can take it now, the sweep will. */
    void soon(UUID exportId) {
        try {
            builders.execute(() -> build(exportId));
        } catch (RejectedExecutionException busy) {
            log.info("Data export {} left to the sweep: builders busy", exportId);
        }
    }

    /** Builds the copy now unless it is not pending or this instance is building it already. */
    void build(UUID exportId) {
        if (!building.add(exportId)) {
            return;
        }
        try {
            Optional<DataExport> pending = store.find(exportId).filter(e -> e.status() == DataExportStatus.PENDING);
            Optional<Integer> attempt = pending.isPresent() ? store.startAttempt(exportId) : Optional.empty();
            if (attempt.isEmpty()) {
                return;
            }
            DataExport export = pending.get();
            if (attempt.get() > properties.exportAttempts()) {
                store.markFailed(exportId);
                store.release(export.account(), exportId);
                log.warn("Data export {} given up after {} builds", exportId, properties.exportAttempts());
                return;
            }
            buildAndStore(export);
        } catch (IOException | RuntimeException failed) {
            log.warn("Building data export {} failed; the sweep tries again", exportId, failed);
        } finally {
            building.remove(exportId);
        }
    }

    private void buildAndStore(DataExport export) throws IOException {
        Path zip = Files.createTempFile("data-export-", ".zip"); // rw------- on POSIX file systems
        try {
            long size = archive.write(export, zip);
            try (InputStream in = Files.newInputStream(zip)) {
                blobs.store(export.objectKey(), CONTENT_TYPE, size, in);
            }
            Instant now = clock.instant();
            store.markReady(export.id(), now, now.plus(properties.exportTtl()), size);
            store.release(export.account(), export.id());
        } finally {
            Files.deleteIfExists(zip);
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        builders.shutdownNow();
    }
}
