package br.com.healthmed.identity;

import br.com.healthmed.platform.security.Role;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A doctor, who logs in with CRM. Specialties are codes of the CFM list. {@code email}: the account's
 * own address, optional and always verified (it is set only by confirming a code sent to it), where
 * account messages such as a password reset go; the directory profile's contact e-mail is another one.
 */
public record DoctorAccount(
        AccountId id,
        String name,
        Crm crm,
        List<String> specialties,
        String passwordHash,
        Instant createdAt,
        Optional<Email> email,
        Optional<Phone> phone) implements Account {

    public DoctorAccount {
        Objects.requireNonNull(id);
        Objects.requireNonNull(name);
        Objects.requireNonNull(crm);
        specialties = List.copyOf(specialties);
        Objects.requireNonNull(passwordHash);
        Objects.requireNonNull(createdAt);
        Objects.requireNonNull(email);
        Objects.requireNonNull(phone);
    }

    /** A doctor without account e-mail or phone, as registration creates one. */
    public DoctorAccount(AccountId id, String name, Crm crm, List<String> specialties, String passwordHash, Instant createdAt) {
        this(id, name, crm, specialties, passwordHash, createdAt, Optional.empty(), Optional.empty());
    }

    @Override
    public Role role() {
        return Role.DOCTOR;
    }

    @Override
    public Optional<Email> loginEmail() {
        return email;
    }

    @Override
    public DoctorSummary summary() {
        return new DoctorSummary(id, name, crm, specialties, createdAt, email, phone);
    }

    @Override
    public DoctorAccount withPasswordHash(String passwordHash) {
        return new DoctorAccount(id, name, crm, specialties, passwordHash, createdAt, email, phone);
    }

    @Override
    public DoctorAccount withEmail(Email email) {
        return new DoctorAccount(id, name, crm, specialties, passwordHash, createdAt, Optional.of(email), phone);
    }

    public DoctorAccount corrected(String name, Optional<Phone> phone) {
        return new DoctorAccount(id, name, crm, specialties, passwordHash, createdAt, email, phone);
    }

    /** Only the id: the rest is personal data or a password hash, which must not reach logs. */
    @Override
    public String toString() {
        return "DoctorAccount[id=" + id + "]";
    }
}
