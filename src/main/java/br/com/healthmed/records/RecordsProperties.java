package br.com.healthmed.records;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code healthmed.records.*}: what may be uploaded and for how long URLs and shares live. The URL
 * lifetimes are capped (15 minutes to upload, 60 seconds to download) whatever is configured.
 *
 * @param allowedContentTypes media types a file may have; PDF, JPEG, PNG and DICOM are also checked by their first bytes
 * @param maxFileSize         the largest file
 * @param quotaPerPatient     the most bytes one patient's available files may take together
 * @param uploadUrlTtl        how long an upload URL (and the upload intent) lives
 * @param downloadUrlTtl      how long a download URL lives
 * @param maxShareDuration    the longest a share may last
 * @param maxPendingUploads   how many uploads a patient may have in progress (requested, not yet
 *                            completed, cancelled or expired) at once
 * @param accessLogRetention  how long access-log entries are kept: 20 years by default, the time a
 *                            health record is kept (Lei 13.787/2018, art. 6); never less than 6 months,
 *                            the minimum for access records of an application (Marco Civil da Internet,
 *                            Lei 12.965/2014, art. 15)
 * @param refusalWindow       the window of the access log's flood control: identical refusals in a row
 *                            within it are one entry, and a caller's failed look-ups are counted per window
 * @param maxFailedLookups    failed file look-ups (NOT_FOUND) a caller may make per window before being
 *                            answered TOO_MANY_REFUSALS until the window ends
 * @param retryWindow         how long a deleted file or group is remembered, so that a retried deleteFile or
 *                            deleteRecordGroup answers true rather than NOT_FOUND; also when the sweep at the
 *                            latest finishes a deletion the request did not (its bytes and its object)
 */
@ConfigurationProperties("healthmed.records")
public record RecordsProperties(
        @DefaultValue({"application/pdf", "image/jpeg", "image/png", "application/dicom", "text/plain"})
        List<String> allowedContentTypes,
        @DefaultValue("50MB") DataSize maxFileSize,
        @DefaultValue("2GB") DataSize quotaPerPatient,
        @DefaultValue("PT15M") Duration uploadUrlTtl,
        @DefaultValue("PT60S") Duration downloadUrlTtl,
        @DefaultValue("P365D") Duration maxShareDuration,
        @DefaultValue("20") int maxPendingUploads,
        @DefaultValue("P7300D") Duration accessLogRetention,
        @DefaultValue("PT10M") Duration refusalWindow,
        @DefaultValue("20") int maxFailedLookups,
        @DefaultValue("PT1H") Duration retryWindow) {

    static final Duration MAX_UPLOAD_URL_TTL = Duration.ofMinutes(15);
    static final Duration MAX_DOWNLOAD_URL_TTL = Duration.ofSeconds(60);
    /** Six months, the shortest retention of access records the Marco Civil da Internet (art. 15) allows. */
    static final Duration MIN_ACCESS_LOG_RETENTION = Duration.ofDays(183);

    public RecordsProperties {
        allowedContentTypes = allowedContentTypes.stream().map(type -> type.strip().toLowerCase(java.util.Locale.ROOT)).toList();
        if (uploadUrlTtl.compareTo(MAX_UPLOAD_URL_TTL) > 0) {
            uploadUrlTtl = MAX_UPLOAD_URL_TTL;
        }
        if (downloadUrlTtl.compareTo(MAX_DOWNLOAD_URL_TTL) > 0) {
            downloadUrlTtl = MAX_DOWNLOAD_URL_TTL;
        }
        if (accessLogRetention.compareTo(MIN_ACCESS_LOG_RETENTION) < 0) {
            throw new IllegalArgumentException("healthmed.records.access-log-retention must be at least "
                    + MIN_ACCESS_LOG_RETENTION.toDays() + " days (6 months: Marco Civil da Internet, art. 15)");
        }
        if (retryWindow.isNegative() || retryWindow.isZero()) {
            throw new IllegalArgumentException("healthmed.records.retry-window must be positive");
        }
        if (refusalWindow.isNegative() || refusalWindow.isZero() || maxFailedLookups < 1) {
            throw new IllegalArgumentException("healthmed.records.refusal-window and max-failed-lookups must be positive");
        }
    }
}
