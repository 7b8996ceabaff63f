package br.com.healthmed.records;

import org.springframework.modulith.NamedInterface;

/**
 * Where a file stands with the malware scan. Only {@link #CLEAN} files are served (download URLs) or
 * shared file by file. In AWS the scanner is GuardDuty Malware Protection for S3, which tags each
 * uploaded object with {@code GuardDutyMalwareScanStatus}; the embedded store has no scanner and
 * reports every stored file clean.
 */
@NamedInterface("api")
public enum ScanStatus {
    /** Not scanned yet (no tag yet): retry in a little while. */
    PENDING_SCAN,
    /** Scanned, no threat found ({@code NO_THREATS_FOUND}). Final. */
    CLEAN,
    /** Scanned, a threat found ({@code THREATS_FOUND}): never served. Final. */
    MALWARE_DETECTED,
    /**
     * The scanner does not support this object ({@code UNSUPPORTED}: e.g. a password-protected or
     * extremely compressed file, or one past the scanner's size limit): never served, since it could
     * not be checked. The patient may delete it and upload it in a form the scanner reads.
     */
    NOT_SCANNABLE,
    /**
     * The scan did not happen ({@code ACCESS_DENIED}: our configuration; {@code FAILED}: the scanner's
     * internal error; or a tag value we do not know): not served until an operator has it scanned again.
     */
    SCAN_FAILED;

    /** A verdict that cannot change: worth keeping instead of asking the scanner again. */
    public boolean isFinal() {
        return this == CLEAN || this == MALWARE_DETECTED;
    }
}
