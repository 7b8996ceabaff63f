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
        @DefaultValue("20") int maxPendingUploads) {

    static final Duration MAX_UPLOAD_URL_TTL = Duration.ofMinutes(15);
    static final Duration MAX_DOWNLOAD_URL_TTL = Duration.ofSeconds(60);

    public RecordsProperties {
        allowedContentTypes = allowedContentTypes.stream().map(type -> type.strip().toLowerCase(java.util.Locale.ROOT)).toList();
        if (uploadUrlTtl.compareTo(MAX_UPLOAD_URL_TTL) > 0) {
            uploadUrlTtl = MAX_UPLOAD_URL_TTL;
        }
        if (downloadUrlTtl.compareTo(MAX_DOWNLOAD_URL_TTL) > 0) {
            downloadUrlTtl = MAX_DOWNLOAD_URL_TTL;
        }
    }
}
