package br.com.healthmed.records;

import java.time.Instant;
import java.util.Objects;

/**
 * Bytes of a patient's quota held for an upload in progress, from {@code requestFileUpload} until the
 * upload is completed (the hold becomes usage), cancelled or expires (the hold is given back).
 *
 * @param expiresAt when the upload intent expires; past it the hold is stale and may be reconciled
 */
public record UploadHold(FileId file, long bytes, Instant expiresAt) {

    public UploadHold {
        Objects.requireNonNull(file);
        Objects.requireNonNull(expiresAt);
    }

    public boolean activeAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
