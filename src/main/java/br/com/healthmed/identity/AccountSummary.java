package br.com.healthmed.identity;

import br.com.healthmed.platform.security.Role;
import java.time.Instant;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/**
 * What other modules (and the GraphQL {@code Patient} / {@code Doctor} types) know of an account: who it
 * is, never how it logs in. The password hash, login claims and two-factor secrets stay in this module's
 * services; {@link Account} is their internal shape.
 */
@NamedInterface("api")
public sealed interface AccountSummary permits PatientSummary, DoctorSummary {

    AccountId id();

    String name();

    Instant createdAt();

    Role role();

    /** The account's own e-mail address: a patient's always, a doctor's once confirmed (see {@link Account#loginEmail}). */
    Optional<Email> loginEmail();

    Optional<Phone> phone();
}
