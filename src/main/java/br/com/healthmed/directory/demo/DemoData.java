package br.com.healthmed.directory.demo;

import br.com.healthmed.directory.DemoDoctorsCreated;
import br.com.healthmed.directory.DirectoryStore;
import br.com.healthmed.directory.DoctorProfile;
import br.com.healthmed.directory.GeoPoint;
import br.com.healthmed.identity.AccountId;
import br.com.healthmed.identity.AccountStore;
import br.com.healthmed.identity.Cpf;
import br.com.healthmed.identity.Crm;
import br.com.healthmed.identity.DoctorAccount;
import br.com.healthmed.identity.Email;
import br.com.healthmed.identity.LoginClaim;
import br.com.healthmed.identity.LoginClaimStore;
import br.com.healthmed.identity.PasswordHasher;
import br.com.healthmed.identity.PatientAccount;
import br.com.healthmed.identity.Phone;
import br.com.healthmed.platform.LocalRun;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * With {@code healthmed.demo-data=true} (the {@code local} profile): a demo patient, a demo doctor
 * who can log in, and {@code healthmed.demo-doctors} more doctors (300 by default) spread over São
 * Paulo and other capitals, with profiles, prices and ratings, from a fixed seed so every start
 * looks the same. The accounts are written to the stores directly, sharing one password hash:
 * Argon2id is deliberately slow, and hundreds of hashes would delay start-up by minutes. Their
 * login claims are taken too, so nobody can register a demo doctor's CRM again.
 *
 * <p>Only on a developer's machine ({@link LocalRun}): anywhere else the request is refused with
 * a warning saying why, and nothing is created.
 */
@Component
@ConditionalOnProperty(name = "healthmed.demo-data", havingValue = "true")
class DemoData implements ApplicationRunner {

    static final String PASSWORD = "healthmed demo 2026";
    static final String PATIENT_EMAIL = "paciente.demo@healthmed.example";
    static final String PATIENT_CPF = "11144477735";
    static final Crm DOCTOR_CRM = new Crm("654321", "SP");

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final AccountStore accounts;
    private final LoginClaimStore claims;
    private final PasswordHasher passwords;
    private final DirectoryStore directory;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Environment environment;
    private final int doctors;
    private final long seed;

    DemoData(AccountStore accounts, LoginClaimStore claims, PasswordHasher passwords, DirectoryStore directory, Clock clock,
             ApplicationEventPublisher events, Environment environment, @Value("${healthmed.demo-doctors:300}") int doctors, @Value("${healthmed.demo-seed:2026}") long seed) {
        this.accounts = accounts;
        this.claims = claims;
        this.passwords = passwords;
        this.directory = directory;
        this.clock = clock;
        this.events = events;
        this.environment = environment;
        this.doctors = doctors;
        this.seed = seed;
    }

    @Override
    public void run(ApplicationArguments args) {
        Optional<String> refusal = LocalRun.notLocalBecause(environment);
        if (refusal.isPresent()) {
            log.warn("Demo data NOT created although healthmed.demo-data=true: {}. Demo accounts with the published "
                    + "password exist only on a loopback-only local run.", refusal.get());
            return;
        }
        log.warn("Demo accounts with the published password ('{}') are active; this service listens on loopback only ({})",
                PASSWORD, environment.getProperty("server.address"));
        Instant now = clock.instant();
        if (claims.holder(LoginClaim.of(DOCTOR_CRM)).isPresent()) {
            log.info("Demo data already present");
            return;
        }
        long started = System.nanoTime();
        String hash = passwords.hash(PASSWORD);

        // Verified from the start, so the demo can book at once: its published address receives no code.
        PatientAccount patient = new PatientAccount(AccountId.random(), "Paciente Demo", new Email(PATIENT_EMAIL),
                new Cpf(PATIENT_CPF), LocalDate.of(1990, 5, 17), Optional.of(new Phone("+5511987654321")), hash, now, true);
        claims.claim(LoginClaim.of(patient.email()), patient.id(), now);
        claims.claim(LoginClaim.of(patient.cpf()), patient.id(), now);
        accounts.create(patient);

        DoctorAccount doctor = new DoctorAccount(AccountId.random(), "Dra. Helena Demo", DOCTOR_CRM,
                List.of("CARDIOLOGIA", "CLINICA_MEDICA"), hash, now);
        create(doctor, now);
        directory.save(new DoctorProfile(doctor.id(), doctor.specialties(), Optional.of(new BigDecimal("350.00")),
                Optional.of("Cardiologista com 15 anos de experiência em prevenção e insuficiência cardíaca."),
                List.of("pt", "en"), Optional.of("Av. Paulista, 1578 - Bela Vista, São Paulo - SP"),
                Optional.of(new GeoPoint(-23.5614, -46.6559)), ZoneId.of("America/Sao_Paulo"), Duration.ofMinutes(50),
                Optional.of("helena.demo@healthmed.example"), true, Optional.empty(), false));
        IntStream.of(5, 5, 4, 5, 4, 5).forEach(stars -> directory.addRating(doctor.id(), stars));

        List<AccountId> created = new java.util.ArrayList<>(List.of(doctor.id()));
        DemoDoctors generator = new DemoDoctors(new Random(seed));
        for (int i = 0; i < doctors; i++) {
            DemoDoctors.Demo demo = generator.next(i);
            DoctorAccount account = new DoctorAccount(AccountId.random(), demo.name(), demo.crm(), demo.specialties(), hash, now);
            create(account, now);
            directory.save(demo.profile(account.id()));
            demo.ratings().forEach(stars -> directory.addRating(account.id(), stars));
            created.add(account.id());
        }
        events.publishEvent(new DemoDoctorsCreated(created));
        log.info("Demo data: patient {} / doctor CRM {} (password '{}'), {} more doctors, in {} ms",
                PATIENT_EMAIL, DOCTOR_CRM, PASSWORD, doctors, (System.nanoTime() - started) / 1_000_000);
    }

    private void create(DoctorAccount doctor, Instant now) {
        if (claims.claim(LoginClaim.of(doctor.crm()), doctor.id(), now)) {
            accounts.create(doctor);
        }
    }
}
