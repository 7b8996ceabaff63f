package br.com.healthmed.identity;

import br.com.healthmed.platform.security.Role;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A patient, who logs in with e-mail or CPF. {@code emailVerified}: the patient proved, with the code
 * sent there, that {@code email} is theirs; until then the password opens no session ({@link LoginService}),
 * and a session from before verification existed may browse, but not book or
 * share record files.
 */
public record PatientAccount(
        AccountId id,
        String name,
        Email email,
        Cpf cpf,
        LocalDate birthDate,
        Optional<Phone> phone,
        String passwordHash,
        Instant createdAt,
        boolean emailVerified) implements Account {

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

    /** A patient whose e-mail is not verified yet, as registration creates one. */
    public PatientAccount(AccountId id, String name, Email email, Cpf cpf, LocalDate birthDate, Optional<Phone> phone,
                          String passwordHash, Instant createdAt) {
        this(id, name, email, cpf, birthDate, phone, passwordHash, createdAt, false);
    }

    @Override
    public Role role() {
        return Role.PATIENT;
    }

    @Override
    public Optional<Email> loginEmail() {
        return Optional.of(email);
    }

    @Override
    public PatientAccount withPasswordHash(String passwordHash) {
        return new PatientAccount(id, name, email, cpf, birthDate, phone, passwordHash, createdAt, emailVerified);
    }

    @Override
    public PatientAccount withEmail(Email email) {
        return new PatientAccount(id, name, email, cpf, birthDate, phone, passwordHash, createdAt, true);
    }

    @Override
    public PatientSummary summary() {
        return new PatientSummary(id, name, email, cpf, birthDate, phone, createdAt, emailVerified);
    }

    public PatientAccount verified() {
        return new PatientAccount(id, name, email, cpf, birthDate, phone, passwordHash, createdAt, true);
    }

    public PatientAccount corrected(String name, Optional<Phone> phone, LocalDate birthDate) {
        return new PatientAccount(id, name, email, cpf, birthDate, phone, passwordHash, createdAt, emailVerified);
    }

    /** Only the id: the rest is personal data or a password hash, which must not reach logs. */
    @Override
    public String toString() {
        return "PatientAccount[id=" + id + "]";
    }
}
