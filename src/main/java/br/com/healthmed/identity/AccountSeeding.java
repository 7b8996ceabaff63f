package br.com.healthmed.identity;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/**
 * Accounts made by the service itself rather than by their owners: the demo data of a local run. Each
 * comes verified (its published address receives no code) and takes its login claims, so nobody can
 * register the same e-mail, CPF or CRM again. One {@link Batch} hashes its shared password once: Argon2id
 * is deliberately slow, and hundreds of hashes would delay start-up by minutes.
 *
 * <p>Registration ({@link RegistrationService}) is the way for everyone else; this skips its e-mail
 * verification and rate limits, so it is a named interface of its own ({@code identity :: seeding}) that
 * only the demo module may use, and only after deciding it runs on a developer's machine.
 */
@Service
@NamedInterface("seeding")
public class AccountSeeding {

    private final AccountStore accounts;
    private final LoginClaimStore claims;
    private final PasswordHasher passwords;
    private final Clock clock;

    AccountSeeding(AccountStore accounts, LoginClaimStore claims, PasswordHasher passwords, Clock clock) {
        this.accounts = accounts;
        this.claims = claims;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** Whether a doctor with this CRM exists already (seeded on an earlier start, or registered): its claim and its account. */
    public boolean exists(Crm crm) {
        return claims.holder(LoginClaim.of(crm)).flatMap(holder -> accounts.find(holder.owner())).isPresent();
    }

    /** Accounts that will all log in with {@code password}. */
    public Batch batch(String password) {
        return new Batch(passwords.hash(password));
    }

    /** Seeded accounts sharing one password hash. */
    public final class Batch {

        private final String passwordHash;

        private Batch(String passwordHash) {
            this.passwordHash = passwordHash;
        }

        /** A verified patient; empty when the e-mail or CPF is someone's already (nothing is created then). */
        public Optional<AccountId> patient(String name, Email email, Cpf cpf, LocalDate birthDate, Optional<Phone> phone) {
            Instant now = clock.instant();
            PatientAccount patient = new PatientAccount(AccountId.random(), name, email, cpf, birthDate, phone, passwordHash, now, true);
            if (!claims.claim(LoginClaim.of(email), patient.id(), now)) {
                return Optional.empty();
            }
            if (!claims.claim(LoginClaim.of(cpf), patient.id(), now)) {
                claims.release(LoginClaim.of(email), patient.id());
                return Optional.empty();
            }
            createOrRelease(patient, LoginClaim.of(email), LoginClaim.of(cpf));
            return Optional.of(patient.id());
        }

        /** A doctor who logs in with the CRM; empty when the CRM is someone's already (nothing is created then). */
        public Optional<AccountId> doctor(String name, Crm crm, List<String> specialties) {
            Instant now = clock.instant();
            DoctorAccount doctor = new DoctorAccount(AccountId.random(), name, crm, specialties, passwordHash, now);
            if (!claims.claim(LoginClaim.of(crm), doctor.id(), now)) {
                return Optional.empty();
            }
            createOrRelease(doctor, LoginClaim.of(crm));
            return Optional.of(doctor.id());
        }

        /** An account that could not be stored leaves no claim behind, so the next start seeds it again. */
        private void createOrRelease(Account account, LoginClaim... taken) {
            try {
                accounts.create(account);
            } catch (RuntimeException notStored) {
                for (LoginClaim claim : taken) {
                    claims.release(claim, account.id());
                }
                throw notStored;
            }
        }
    }
}
