package br.com.healthmed.identity;

import br.com.healthmed.platform.security.Role;
import java.time.Instant;

/** An account: a patient's or a doctor's. The password hash never leaves this module's services. */
public sealed interface Account permits PatientAccount, DoctorAccount {

    AccountId id();

    String name();

    String passwordHash();

    Instant createdAt();

    Role role();

    /** The same account with another password hash (after a rehash with stronger parameters). */
    Account withPasswordHash(String passwordHash);
}
