package br.com.healthmed.identity;

import br.com.healthmed.platform.security.Role;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/** A doctor as other modules see one ({@link AccountSummary}): specialties are CFM codes. */
@NamedInterface("api")
public record DoctorSummary(
        AccountId id,
        String name,
        Crm crm,
        List<String> specialties,
        Instant createdAt,
        Optional<Email> email,
        Optional<Phone> phone) implements AccountSummary {

    public DoctorSummary {
        Objects.requireNonNull(id);
        Objects.requireNonNull(name);
        Objects.requireNonNull(crm);
        specialties = List.copyOf(specialties);
        Objects.requireNonNull(createdAt);
        Objects.requireNonNull(email);
        Objects.requireNonNull(phone);
    }

    @Override
    public Role role() {
        return Role.DOCTOR;
    }

    @Override
    public Optional<Email> loginEmail() {
        return email;
    }

    /** Only the id: e-mail and phone are personal data, which must not reach logs. */
    @Override
    public String toString() {
        return "DoctorSummary[id=" + id + "]";
    }
}
