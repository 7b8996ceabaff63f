package br.com.healthmed.records;

import br.com.healthmed.identity.AccountId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/**
 * A patient's share of (part of) their record with one doctor until {@link #expiresAt()}, unless
 * revoked before. Checked at every access: an expired or revoked grant gives nothing.
 */
@NamedInterface("api")
public record Grant(
        GrantId id,
        AccountId patient,
        AccountId doctor,
        ShareScope scope,
        Optional<String> note,
        Instant createdAt,
        Instant expiresAt,
        Optional<Instant> revokedAt) {

    public Grant {
        Objects.requireNonNull(id);
        Objects.requireNonNull(patient);
        Objects.requireNonNull(doctor);
        Objects.requireNonNull(scope);
        Objects.requireNonNull(note);
        Objects.requireNonNull(createdAt);
        Objects.requireNonNull(expiresAt);
        Objects.requireNonNull(revokedAt);
    }

    public boolean activeAt(Instant now) {
        return revokedAt.isEmpty() && now.isBefore(expiresAt);
    }

    /** Whether this grant lets its doctor open {@code file} at {@code now}. */
    public boolean lets(AccountId caller, RecordFile file, Instant now) {
        return activeAt(now) && doctor.equals(caller) && patient.equals(file.owner()) && file.available()
                && scope.covers(file);
    }

    /** Whether this grant lets its doctor read {@code note} at {@code now}. */
    public boolean lets(AccountId caller, ConsultationNote note, Instant now) {
        return activeAt(now) && doctor.equals(caller) && patient.equals(note.patient()) && scope.covers(note);
    }

    public Grant revokedAt(Instant at) {
        return new Grant(id, patient, doctor, scope, note, createdAt, expiresAt, Optional.of(at));
    }
}
