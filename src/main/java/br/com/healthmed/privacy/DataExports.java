package br.com.healthmed.privacy;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.identity.SecurityEventKind;
import br.com.healthmed.identity.SecurityLog;
import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.PlatformErrors;
import br.com.healthmed.platform.ratelimit.CounterKeys;
import br.com.healthmed.platform.ratelimit.RateCounters;
import br.com.healthmed.platform.security.Role;
import br.com.healthmed.records.BlobStore;
import br.com.healthmed.records.ContentDispositions;
import br.com.healthmed.records.RecordPortability;
import br.com.healthmed.records.Requester;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Copies of a person's data (LGPD art. 18 II and V, art. 19): requested by the account itself, built
 * asynchronously ({@link DataExportBuilder}), at most one being built per account
 * ({@code DATA_EXPORT_RUNNING}), at most {@code healthmed.lgpd.exports-per-window} requests per window
 * ({@code RATE_LIMITED}), downloadable through short-lived URLs until it expires. The request and every
 * download URL are entries of the owner's security log and, for a patient, of the record's access log.
 * A copy is the owner's only: anyone else gets {@code NOT_FOUND}.
 */
@Service
public class DataExports {

    /** How long a running marker without its copy may be a request still in flight (then it is stale). */
    static final Duration CLAIM_IN_FLIGHT = Duration.ofMinutes(1);
    static final String FILE_NAME = "healthmed-meus-dados.zip";

    private final DataExportStore store;
    private final DataExportBuilder builder;
    private final BlobStore blobs;
    private final RecordPortability records;
    private final SecurityLog securityLog;
    private final RateCounters counters;
    private final PrivacyProperties properties;
    private final Clock clock;

    DataExports(DataExportStore store, DataExportBuilder builder, BlobStore blobs, RecordPortability records,
                SecurityLog securityLog, RateCounters counters, PrivacyProperties properties, Clock clock) {
        this.store = store;
        this.builder = builder;
        this.blobs = blobs;
        this.records = records;
        this.securityLog = securityLog;
        this.counters = counters;
        this.properties = properties;
        this.clock = clock;
    }

    /** Starts a new copy of everything held about the caller; it is PENDING until built. */
    public DataExport request(AccountId account, Role role, String clientAddress) {
        Instant now = clock.instant();
        Optional<UUID> stale = staleMarker(account, now);
        DataExport export = DataExport.requested(account, role, now);
        RateCounters.Acquisition hit = counters.tryAcquire(CounterKeys.of("data-export", account.toString()),
                properties.exportsPerWindow(), properties.exportWindow(), export.id().toString());
        if (!hit.acquired()) {
            long retryAfter = Math.max(1, Duration.between(now, hit.fullUntil().orElseThrow()).toSeconds());
            throw new DomainException(PlatformErrors.RATE_LIMITED, "Too many copies of your data were requested recently; try again later.",
                    Map.of("limit", "PER_ACCOUNT", "retryAfterSeconds", retryAfter));
        }
        if (!store.claim(account, export.id(), stale, now)) {
            hit.hit().ifPresent(counters::release);
            throw running(store.running(account).map(DataExportStore.Running::exportId));
        }
        store.create(export);
        securityLog.record(account, SecurityEventKind.DATA_EXPORT_REQUESTED, Optional.of(clientAddress));
        if (role == Role.PATIENT) {
            records.exportRequested(patient(account, clientAddress));
        }
        builder.soon(export.id());
        return export;
    }

    /** The copy, for its owner only; {@code NOT_FOUND} for anyone else and for an id that does not exist. */
    public DataExport visibleTo(AccountId caller, UUID id) {
        return store.find(id).filter(export -> export.account().equals(caller))
                .orElseThrow(() -> DomainException.notFound("Data export"));
    }

    /**
     * A download URL of a READY copy, valid for {@code healthmed.lgpd.export-url-ttl}, logged; empty while it
     * is being built or if it failed; {@code DATA_EXPORT_EXPIRED} once it expired.
     */
    public Optional<URI> downloadUrl(DataExport export, String clientAddress) {
        DataExportStatus status = export.statusAt(clock.instant());
        if (status == DataExportStatus.EXPIRED) {
            throw new DomainException(PrivacyErrors.DATA_EXPORT_EXPIRED, "This copy of your data has expired; request a new one.");
        }
        if (status != DataExportStatus.READY) {
            return Optional.empty();
        }
        BlobStore.PresignedDownload url = blobs.presignDownload(export.objectKey(), DataExportBuilder.CONTENT_TYPE,
                ContentDispositions.attachment(FILE_NAME), properties.exportUrlTtl());
        securityLog.record(export.account(), SecurityEventKind.DATA_EXPORT_DOWNLOADED, Optional.of(clientAddress));
        if (export.role() == Role.PATIENT) {
            records.exportDownloaded(patient(export.account(), clientAddress));
        }
        return Optional.of(url.url());
    }

    /**
     * The copy named by the account's running marker when that marker no longer guards a build: the copy
     * finished, or was never written and the marker is older than a request in flight could be. Throws
     * {@code DATA_EXPORT_RUNNING} when it still guards one.
     */
    private Optional<UUID> staleMarker(AccountId account, Instant now) {
        Optional<DataExportStore.Running> marker = store.running(account);
        if (marker.isEmpty()) {
            return Optional.empty();
        }
        UUID held = marker.get().exportId();
        Optional<DataExport> export = store.find(held);
        boolean guarding = export.map(e -> e.status() == DataExportStatus.PENDING)
                .orElse(marker.get().since().plus(CLAIM_IN_FLIGHT).isAfter(now));
        if (guarding) {
            throw running(Optional.of(held));
        }
        return Optional.of(held);
    }

    private static DomainException running(Optional<UUID> exportId) {
        return new DomainException(PrivacyErrors.DATA_EXPORT_RUNNING, "A copy of your data is being prepared; wait for it to be ready.",
                exportId.<Map<String, Object>>map(id -> Map.of("exportId", br.com.healthmed.platform.graphql.GlobalId.encode("DataExport", id))).orElse(Map.of()));
    }

    private static Requester patient(AccountId account, String clientAddress) {
        return new Requester(Optional.of(account), Optional.of(Role.PATIENT), clientAddress);
    }
}
