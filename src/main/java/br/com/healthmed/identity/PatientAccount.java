package br.com.healthmed.identity;

import br.com.healthmed.platform.security.Role;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/** A patient, who logs in with e-mail or CPF. */
public record PatientAccount(
        AccountId id,
        String name,
        Email email,
        Cpf cpf,
        LocalDate birthDate,
        Optional<Phone> phone,
        String passwordHash,
        Instant createdAt) implements Account {

    public PatientAccount {
        Objects.requireNonNull(id);
        Objects.requireNonNull(name);
        Objects.requireNonNull(email);
        Objects.requireNonNull(cpf);
        Objects.requireNonNull(birthDate);
        Objects.requireNonNull(phone);
        Objects.requireNonNull(passwordHash);
        Objects.requireNonNull(createdAt);
    }

    @Override
    public Role role() {
        return Role.PATIENT;
    }

    @Override
    public PatientAccount withPasswordHash(String passwordHash) {
        return new PatientAccount(id, name, email, cpf, birthDate, phone, passwordHash, createdAt);
    }

    /** Only the id: the rest is personal data or a password hash, which must not reach logs. */
    @Override
    public String toString() {
        return "PatientAccount[id=" + id + "]";
    }
}
