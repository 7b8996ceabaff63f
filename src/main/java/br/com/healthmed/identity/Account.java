package br.com.healthmed.identity;

import br.com.healthmed.platform.security.Role;
import java.time.Instant;
import java.util.Optional;

/** An account: a patient's or a doctor's. The password hash never leaves this module's services. */
public sealed interface Account permits PatientAccount, DoctorAccount {

    AccountId id();

    String name();

    String passwordHash();

    Instant createdAt();

    Role role();

    /**
     * The account's own e-mail address, which is also a login (its claim is held): a patient's always,
     * a doctor's once confirmed. Account messages (codes, notices, resets) go there.
     */
    Optional<Email> loginEmail();

    /** A phone number the owner gave (at registration, or with a correction). */
    Optional<Phone> phone();

    /** What other modules may know of this account: everything but how it logs in. */
    AccountSummary summary();

    /** The same account with another password hash (after a rehash with stronger parameters). */
    Account withPasswordHash(String passwordHash);

    /** The same account with another e-mail address, verified (a confirmed change). */
    Account withEmail(Email email);

    /** Whether this account holds this login identifier: a claim an account no longer uses is not a way in. */
    default boolean uses(LoginClaim claim) {
        return switch (claim.kind()) {
            case EMAIL -> loginEmail().map(LoginClaim::of).filter(claim::equals).isPresent();
            case CPF -> this instanceof PatientAccount p && LoginClaim.of(p.cpf()).equals(claim);
            case CRM -> this instanceof DoctorAccount d && LoginClaim.of(d.crm()).equals(claim);
        };
    }
}
