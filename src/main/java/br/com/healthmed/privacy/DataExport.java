package br.com.healthmed.privacy;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.security.Role;
import br.com.healthmed.records.ObjectKey;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One requested copy of everything the platform holds about an account: a ZIP stored under
 * {@code objectKey} (random: nothing in it names the person) once built.
 *
 * @param status    as stored: PENDING, READY or FAILED; {@link #statusAt} adds EXPIRED
 * @param attempts  builds started so far
 */
public record DataExport(
        UUID id,
        AccountId account,
        Role role,
        DataExportStatus status,
        Instant requestedAt,
        Optional<Instant> readyAt,
        Optional<Instant> expiresAt,
        ObjectKey objectKey,
        Optional<Long> sizeBytes,
        int attempts) {

    public DataExport {
        Objects.requireNonNull(id);
        Objects.requireNonNull(account);
        Objects.requireNonNull(role);
        Objects.requireNonNull(status);
        Objects.requireNonNull(requestedAt);
        Objects.requireNonNull(readyAt);
        Objects.requireNonNull(expiresAt);
        Objects.requireNonNull(objectKey);
        Objects.requireNonNull(sizeBytes);
    }

    public static DataExport requested(AccountId account, Role role, Instant now) {
        return new DataExport(UUID.randomUUID(), account, role, DataExportStatus.PENDING, now, Optional.empty(), Optional.empty(),
                ObjectKey.random(), Optional.empty(), 0);
    }

    /** The status as the owner sees it now: a ready copy past its expiry is EXPIRED. */
    public DataExportStatus statusAt(Instant now) {
        return status == DataExportStatus.READY && expiresAt.filter(end -> !now.isBefore(end)).isPresent()
                ? DataExportStatus.EXPIRED : status;
    }

    public DataExport readyAt(Instant at, Instant expires, long size) {
        return new DataExport(id, account, role, DataExportStatus.READY, requestedAt, Optional.of(at), Optional.of(expires), objectKey,
                Optional.of(size), attempts);
    }
}
