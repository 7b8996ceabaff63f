package br.com.healthmed.identity.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.healthmed.identity.Account;
import br.com.healthmed.identity.AccountCorrection;
import br.com.healthmed.identity.AccountCorrection.BirthDateCorrection;
import br.com.healthmed.identity.AccountId;
import br.com.healthmed.identity.AccountStore;
import br.com.healthmed.identity.Cpf;
import br.com.healthmed.identity.Crm;
import br.com.healthmed.identity.DoctorAccount;
import br.com.healthmed.identity.Email;
import br.com.healthmed.identity.PatientAccount;
import br.com.healthmed.identity.Phone;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What every {@link AccountStore} promises. */
abstract class AccountStoreContract {

    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    protected abstract AccountStore store();

    static PatientAccount patient(Optional<Phone> phone) {
        return new PatientAccount(AccountId.random(), "Ana Souza", new Email("ana@example.com"), new Cpf("52998224725"),
                LocalDate.of(1990, 5, 17), phone, "{argon2}hash", NOW);
    }

    static DoctorAccount doctor() {
        return new DoctorAccount(AccountId.random(), "Dr. Bruno Lima", new Crm("123456", "SP"),
                List.of("CARDIOLOGIA", "CLINICA_MEDICA"), "{argon2}hash", NOW);
    }

    @Test
    void aPatientComesBackAsStoredWithAndWithoutPhone() {
        PatientAccount withPhone = patient(Optional.of(new Phone("+5511987654321")));
        PatientAccount withoutPhone = patient(Optional.empty());
        store().create(withPhone);
        store().create(withoutPhone);

        assertThat(store().find(withPhone.id())).contains(withPhone);
        assertThat(store().find(withoutPhone.id())).contains(withoutPhone);
    }

    @Test
    void aDoctorComesBackAsStoredWithSpecialtiesInOrder() {
        DoctorAccount doctor = doctor();
        store().create(doctor);

        assertThat(store().find(doctor.id())).contains(doctor);
    }

    @Test
    void anUnknownIdFindsNothing() {
        assertThat(store().find(AccountId.random())).isEmpty();
    }

    @Test
    void creatingTheSameIdTwiceFailsAndKeepsTheFirst() {
        PatientAccount first = patient(Optional.empty());
        store().create(first);

        assertThatThrownBy(() -> store().create(new DoctorAccount(first.id(), "Other", new Crm("9999", "RJ"),
                List.of("PEDIATRIA"), "{argon2}x", NOW))).isInstanceOf(IllegalStateException.class);
        assertThat(store().find(first.id())).contains(first);
    }

    @Test
    void creatingTheSameAccountTwiceIsIdempotent() {
        PatientAccount patient = patient(Optional.of(new Phone("+5511987654321")));
        DoctorAccount doctor = doctor();
        store().create(patient);
        store().create(doctor);

        store().create(patient);
        store().create(new DoctorAccount(doctor.id(), doctor.name(), doctor.crm(),
                new java.util.ArrayList<>(doctor.specialties()), doctor.passwordHash(), doctor.createdAt()));

        assertThat(store().find(patient.id())).contains(patient);
        assertThat(store().find(doctor.id())).contains(doctor);
        assertThatThrownBy(() -> store().create(patient.withPasswordHash("{argon2}other")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(store().find(patient.id())).contains(patient);
    }

    @Test
    void findAllReturnsTheExistingOnesAmongManyIds() {
        List<Account> created = IntStream.range(0, 130)
                .mapToObj(i -> (Account) (i % 2 == 0 ? patient(Optional.empty()) : doctor()))
                .peek(store()::create)
                .toList();
        List<AccountId> asked = new java.util.ArrayList<>(created.stream().map(Account::id).toList());
        asked.add(AccountId.random());
        asked.add(created.get(0).id()); // duplicates are fine

        var found = store().findAll(asked);

        assertThat(found).hasSize(130);
        created.forEach(account -> assertThat(found.get(account.id())).isEqualTo(account));
    }

    @Test
    void anAccountIsReplacedWholeButNeverCreatedByAReplace() {
        PatientAccount patient = patient(Optional.of(new Phone("+5511987654321")));
        store().create(patient);
        PatientAccount replaced = new PatientAccount(patient.id(), "Titular anonimizado", new Email("x@anonimizado.invalid"), patient.cpf(),
                LocalDate.of(1990, 1, 1), Optional.empty(), "{argon2}other", patient.createdAt());
        store().replace(replaced);
        store().replace(replaced); // idempotent
        assertThat(store().find(patient.id())).contains(replaced);

        PatientAccount unknown = patient(Optional.empty());
        store().replace(unknown);
        assertThat(store().find(unknown.id())).isEmpty();
    }

    @Test
    void thePasswordHashCanBeReplaced() {
        PatientAccount patient = patient(Optional.empty());
        store().create(patient);

        store().updatePasswordHash(patient.id(), "{argon2}stronger");

        assertThat(store().find(patient.id())).contains(patient.withPasswordHash("{argon2}stronger"));
    }

    @Test
    void replacingTheHashOfAnUnknownAccountCreatesNothing() {
        AccountId unknown = AccountId.random();
        store().updatePasswordHash(unknown, "{argon2}x");
        assertThat(store().find(unknown)).isEmpty();
    }

    // --- e-mail and corrections -------------------------------------------------------------------

    @Test
    void aVerifiedPatientAndADoctorWithEmailAndPhoneComeBackAsStored() {
        PatientAccount verified = patient(Optional.empty()).verified();
        DoctorAccount doctor = new DoctorAccount(AccountId.random(), "Dra. Carla", new Crm("7654", "RJ"), List.of("PEDIATRIA"),
                "{argon2}hash", NOW, Optional.of(new Email("carla@example.com")), Optional.of(new Phone("+5521987654321")));
        store().create(verified);
        store().create(doctor);

        assertThat(store().find(verified.id())).contains(verified);
        assertThat(store().find(doctor.id())).contains(doctor);
    }

    @Test
    void aPatientsEmailIsVerifiedOnlyWhileItIsStillTheirs() {
        PatientAccount ana = patient(Optional.empty());
        store().create(ana);

        assertThat(store().markEmailVerified(ana.id(), new Email("other@example.com"))).isFalse();
        assertThat(((PatientAccount) store().find(ana.id()).orElseThrow()).emailVerified()).isFalse();
        assertThat(store().markEmailVerified(ana.id(), ana.email())).isTrue();
        assertThat(store().markEmailVerified(ana.id(), ana.email())).isTrue();
        assertThat(((PatientAccount) store().find(ana.id()).orElseThrow()).emailVerified()).isTrue();
        assertThat(store().markEmailVerified(AccountId.random(), ana.email())).isFalse();
    }

    @Test
    void anEmailChangesOnlyFromTheAddressTheChangeWasAskedFromAndARepeatIsNoFailure() {
        PatientAccount ana = patient(Optional.empty());
        store().create(ana);
        Email next = new Email("ana.nova@example.com");

        assertThat(store().changeEmail(ana.id(), Optional.of(new Email("stale@example.com")), next)).isFalse();
        assertThat(store().find(ana.id())).contains(ana);
        assertThat(store().changeEmail(ana.id(), Optional.of(ana.email()), next)).isTrue();
        assertThat(store().changeEmail(ana.id(), Optional.of(ana.email()), next)).isTrue();
        assertThat(store().find(ana.id())).contains(ana.withEmail(next));
        assertThat(((PatientAccount) store().find(ana.id()).orElseThrow()).emailVerified()).isTrue();
        assertThat(store().changeEmail(ana.id(), Optional.of(ana.email()), new Email("third@example.com"))).isFalse();
        assertThat(store().changeEmail(AccountId.random(), Optional.empty(), next)).isFalse();
    }

    @Test
    void aDoctorGetsAFirstEmailOnlyIfTheyHaveNone() {
        DoctorAccount doctor = doctor();
        store().create(doctor);
        Email first = new Email("bruno@example.com");

        assertThat(store().changeEmail(doctor.id(), Optional.empty(), first)).isTrue();
        assertThat(store().changeEmail(doctor.id(), Optional.empty(), first)).isTrue();
        assertThat(store().changeEmail(doctor.id(), Optional.empty(), new Email("other@example.com"))).isFalse();
        assertThat(store().find(doctor.id()).orElseThrow().loginEmail()).contains(first);
        assertThat(store().find(doctor.id())).contains(doctor.withEmail(first));
    }

    @Test
    void aCorrectionChangesWhatItNamesAndKeepsTheBirthDatesReason() {
        PatientAccount ana = patient(Optional.of(new Phone("+5511987654321")));
        store().create(ana);
        BirthDateCorrection fix = new BirthDateCorrection(ana.birthDate(), LocalDate.of(1991, 5, 17), "Erro de digitação no cadastro", NOW);

        store().correct(ana.id(), new AccountCorrection(Optional.empty(), Optional.empty(), false, Optional.of(fix)));
        store().correct(ana.id(), new AccountCorrection(Optional.of("Ana Souza Lima"), Optional.empty(), true, Optional.empty()));

        assertThat(store().find(ana.id())).contains(ana.corrected("Ana Souza Lima", Optional.empty(), LocalDate.of(1991, 5, 17)));
        assertThat(store().birthDateCorrections(ana.id())).containsExactly(fix);

        BirthDateCorrection back = new BirthDateCorrection(fix.corrected(), ana.birthDate(), "Voltei à data certa", NOW.plusSeconds(1));
        store().correct(ana.id(), new AccountCorrection(Optional.empty(), Optional.of(new Phone("+5511900001111")), false, Optional.of(back)));
        assertThat(store().find(ana.id())).contains(ana.corrected("Ana Souza Lima", Optional.of(new Phone("+5511900001111")), ana.birthDate()));
        assertThat(store().birthDateCorrections(ana.id())).containsExactly(fix, back);
    }

    @Test
    void correctingAnUnknownAccountCreatesNothing() {
        AccountId nobody = AccountId.random();
        store().correct(nobody, new AccountCorrection(Optional.of("Ghost"), Optional.empty(), false, Optional.empty()));

        assertThat(store().find(nobody)).isEmpty();
        assertThat(store().birthDateCorrections(nobody)).isEmpty();
    }
}
