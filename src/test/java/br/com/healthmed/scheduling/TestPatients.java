package br.com.healthmed.scheduling;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.identity.AccountStore;
import br.com.healthmed.identity.Cpf;
import br.com.healthmed.identity.Email;
import br.com.healthmed.identity.PatientAccount;
import br.com.healthmed.support.Api;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Patients for tests that book through the services rather than the API: stored straight into the
 * account store as having verified their e-mail, which booking requires ({@link VerifiedEmailRequired}).
 */
final class TestPatients {

    private TestPatients() {}

    static AccountId verified(AccountStore accounts) {
        AccountId id = AccountId.random();
        accounts.create(new PatientAccount(id, "Paciente " + id, new Email("paciente." + id + "@example.com"),
                new Cpf(Api.cpf(ThreadLocalRandom.current().nextLong(1_000_000_000L))), LocalDate.of(1990, 5, 17),
                Optional.empty(), "{test}not-a-real-hash", Instant.now(), true));
        return id;
    }
}
