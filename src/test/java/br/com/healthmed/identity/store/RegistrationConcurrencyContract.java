package br.com.healthmed.identity.store;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.identity.AccountStore;
import br.com.healthmed.identity.Cpf;
import br.com.healthmed.identity.Email;
import br.com.healthmed.identity.LoginClaim;
import br.com.healthmed.identity.LoginClaimStore;
import br.com.healthmed.identity.NewPatient;
import br.com.healthmed.identity.PatientAccount;
import br.com.healthmed.identity.RegistrationService;
import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.identity.IdentityErrors;
import br.com.healthmed.support.Api;
import br.com.healthmed.support.Concurrently;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Registration is correct under races, on every storage adapter: the uniqueness of e-mail and CPF
 * holds when many registrations for the same identifier run at once, and the losers leave no claim
 * behind. Each test class gets a fresh context (and so an empty store) for exact counting.
 */
// 50 registrations queue for the few password-hashing turns; let them wait rather than get SERVICE_BUSY.
@SpringBootTest(properties = {"healthmed.passwords.max-wait=PT120S", "healthmed.passwords.max-queued=1000"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_EACH_TEST_METHOD)
abstract class RegistrationConcurrencyContract {

    @Autowired
    RegistrationService registration;

    @Autowired
    AccountStore accounts;

    @Autowired
    LoginClaimStore claims;

    /** Every login claim in the store, whoever holds it. */
    protected abstract long loginClaimCount();

    @Test
    void fiftyConcurrentRegistrationsWithOneCpfCreateExactlyOneAccountAndNoOrphanClaims() throws Exception {
        String cpf = Api.cpf(System.nanoTime() % 1_000_000);
        List<NewPatient> attempts = java.util.stream.IntStream.range(0, 50)
                .mapToObj(i -> patient("racer" + i + "." + System.nanoTime() + "@example.com", cpf))
                .toList();

        List<Object> results = Concurrently.run(50, i -> () -> registration.registerPatient(attempts.get(i), "203.0.113." + i));

        List<PatientAccount> created = results.stream().filter(PatientAccount.class::isInstance).map(PatientAccount.class::cast).toList();
        assertThat(created).hasSize(1);
        assertThat(results).filteredOn(DomainException.class::isInstance).hasSize(49)
                .allSatisfy(e -> assertThat(((DomainException) e).code()).isEqualTo(IdentityErrors.CPF_TAKEN));
        PatientAccount winner = created.get(0);
        assertThat(accounts.find(winner.id())).contains(winner);
        assertThat(claims.holder(LoginClaim.of(new Cpf(cpf))).orElseThrow().owner()).isEqualTo(winner.id());
        for (NewPatient attempt : attempts) {
            Optional<LoginClaimStore.Holder> emailHolder = claims.holder(LoginClaim.of(Email.parse(attempt.email(), "email")));
            if (attempt.email().equals(winner.email().value())) {
                assertThat(emailHolder.orElseThrow().owner()).isEqualTo(winner.id());
            } else {
                assertThat(emailHolder).isEmpty();
            }
        }
        assertThat(loginClaimCount()).isEqualTo(2);
    }

    @Test
    void fiftyConcurrentRegistrationsWithOneEmailCreateExactlyOneAccountAndNoOrphanClaims() throws Exception {
        String email = "same." + System.nanoTime() + "@example.com";
        List<Object> results = Concurrently.run(50, i -> () -> registration.registerPatient(patient(email, Api.cpf(i * 13L + 7)), "203.0.113." + i));

        assertThat(results).filteredOn(PatientAccount.class::isInstance).hasSize(1);
        assertThat(results).filteredOn(DomainException.class::isInstance).hasSize(49)
                .allSatisfy(e -> assertThat(((DomainException) e).code()).isEqualTo(IdentityErrors.EMAIL_TAKEN));
        assertThat(loginClaimCount()).isEqualTo(2);
    }

    @Test
    void fiftyConcurrentRegistrationsOfOneEmailThroughTheUniformAnswerCreateExactlyOneAccount() throws Exception {
        String email = "same." + System.nanoTime() + "@example.com";
        List<NewPatient> attempts = java.util.stream.IntStream.range(0, 50)
                .mapToObj(i -> patient(email, Api.cpf(i * 17L + 11))).toList();

        List<Object> results = Concurrently.run(50, i -> () -> registration.acceptPatientRegistration(attempts.get(i), "203.0.113." + i));

        assertThat(results).hasSize(50).allSatisfy(answer -> assertThat(answer).isEqualTo(new Email(email)));
        // the accounts are made after the answers, on the registration queue
        assertThat(registration.awaitQueuedRegistrations(Duration.ofSeconds(60))).isTrue();
        AccountId winner = claims.holder(LoginClaim.of(new Email(email))).orElseThrow().owner();
        assertThat(accounts.find(winner)).isPresent();
        long cpfsHeld = attempts.stream().filter(attempt -> claims.holder(LoginClaim.of(new Cpf(attempt.cpf()))).isPresent()).count();
        assertThat(cpfsHeld).as("one account's CPF, no loser's").isEqualTo(1);
        assertThat(loginClaimCount()).isEqualTo(2);
    }

    @Test
    void aClaimAbandonedByARegistrationThatDiedIsRecoveredAfterTenMinutes() {
        String abandonedEmail = "abandoned." + System.nanoTime() + "@example.com";
        String recentEmail = "recent." + System.nanoTime() + "@example.com";
        // As if a registration had died after claiming its e-mail, before writing its account.
        claims.claim(LoginClaim.of(new Email(abandonedEmail)), AccountId.random(), Instant.now().minus(Duration.ofMinutes(11)));
        claims.claim(LoginClaim.of(new Email(recentEmail)), AccountId.random(), Instant.now().minus(Duration.ofMinutes(1)));

        PatientAccount account = registration.registerPatient(patient(abandonedEmail, Api.cpf(424242)), "203.0.113.1");

        assertThat(claims.holder(LoginClaim.of(new Email(abandonedEmail))).orElseThrow().owner()).isEqualTo(account.id());
        DomainException stillInProgress = org.assertj.core.api.Assertions.catchThrowableOfType(DomainException.class,
                () -> registration.registerPatient(patient(recentEmail, Api.cpf(434343)), "203.0.113.1"));
        assertThat(stillInProgress.code()).isEqualTo(IdentityErrors.EMAIL_TAKEN);
    }

    private static NewPatient patient(String email, String cpf) {
        return new NewPatient("Racer", email, cpf, Api.PASSWORD, LocalDate.of(1985, 1, 2), Optional.empty());
    }
}
