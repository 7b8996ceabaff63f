package br.com.healthmed.identity;

import br.com.healthmed.platform.security.Role;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A doctor, who logs in with CRM. Specialties are codes of the CFM list. */
public record DoctorAccount(
        AccountId id,
        String name,
        Crm crm,
        List<String> specialties,
        String passwordHash,
        Instant createdAt) implements Account {

    public DoctorAccount {
        Objects.requireNonNull(id);
        Objects.requireNonNull(name);
        Objects.requireNonNull(crm);
        specialties = List.copyOf(specialties);
        Objects.requireNonNull(passwordHash);
        Objects.requireNonNull(createdAt);
    }

    @Override
    public Role role() {
        return Role.DOCTOR;
    }

    @Override
    public DoctorAccount withPasswordHash(String passwordHash) {
        return new DoctorAccount(id, name, crm, specialties, passwordHash, createdAt);
    }

    /** Only the id: the rest is personal data or a password hash, which must not reach logs. */
    @Override
    public String toString() {
        return "DoctorAccount[id=" + id + "]";
    }
}
