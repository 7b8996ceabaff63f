package br.com.healthmed.identity;

import br.com.healthmed.platform.security.Role;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/** A patient as other modules see one ({@link AccountSummary}); {@code emailVerified} as in {@link PatientAccount}. */
@NamedInterface("api")
public record PatientSummary(
        AccountId id,
        String name,
        Email email,
        Cpf cpf,
        LocalDate birthDate,
        Optional<Phone> phone,
        Instant createdAt,
        boolean emailVerified) implements AccountSummary {

    public PatientSummary {
        Objects.requireNonNull(id);
        Objects.requireNonNull(name);
        Objects.requireNonNull(email);
        Objects.requireNonNull(cpf);
        Objects.requireNonNull(birthDate);
        Objects.requireNonNull(phone);
        Objects.requireNonNull(createdAt);
    }

    @Override
    public Role role() {
        return Role.PATIENT;
    }

    @Override
    public Optional<Email> loginEmail() {
        return Optional.of(email);
    }

    /** Only the id: the rest is personal data, which must not reach logs. */
    @Override
    public String toString() {
        return "PatientSummary[id=" + id + "]";
    }
}
