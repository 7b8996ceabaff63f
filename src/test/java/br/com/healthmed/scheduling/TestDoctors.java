package br.com.healthmed.scheduling;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.identity.AccountStore;
import br.com.healthmed.identity.Crm;
import br.com.healthmed.identity.DoctorAccount;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Doctors stored straight into the account store, for tests of scheduling below the API. */
final class TestDoctors {

    private TestDoctors() {}

    /** A cardiologist registered at {@code now}, with a CRM of their own. */
    static AccountId stored(AccountStore accounts, Instant now) {
        DoctorAccount doctor = new DoctorAccount(AccountId.random(), "Dra. Helena Prado",
                new Crm(Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 1_000_000)), "SP"),
                List.of("CARDIOLOGIA"), "{test}not-a-real-hash", now);
        accounts.create(doctor);
        return doctor.id();
    }
}
