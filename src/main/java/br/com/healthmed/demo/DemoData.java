package br.com.healthmed.demo;

import br.com.healthmed.consent.TeleconsultationConsent;
import br.com.healthmed.directory.DirectorySeeding;
import br.com.healthmed.directory.DoctorProfile;
import br.com.healthmed.directory.GeoPoint;
import br.com.healthmed.identity.AccountId;
import br.com.healthmed.identity.AccountSeeding;
import br.com.healthmed.identity.Cpf;
import br.com.healthmed.identity.Crm;
import br.com.healthmed.identity.Email;
import br.com.healthmed.identity.Phone;
import br.com.healthmed.platform.LocalRun;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
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
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * With {@code healthmed.demo-data=true} (the {@code local} profile): a demo patient, a demo doctor
 * who can log in, and {@code healthmed.demo-doctors} more doctors (300 by default) spread over São
 * Paulo and other capitals, with profiles, prices and ratings, from a fixed seed so every start
 * looks the same, and agendas for them ({@link DemoAgendas}). Everything goes through the modules'
 * published services: accounts through identity's {@link AccountSeeding} (one shared password hash,
 * login claims taken), profiles and ratings through the directory's {@link DirectorySeeding}, the
 * consent through {@link TeleconsultationConsent}, slots through scheduling's agenda.
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

    private final AccountSeeding accounts;
    private final DirectorySeeding directory;
    private final TeleconsultationConsent consent;
    private final DemoAgendas agendas;
    private final Environment environment;
    private final int doctors;
    private final long seed;

    DemoData(AccountSeeding accounts, DirectorySeeding directory, TeleconsultationConsent consent, DemoAgendas agendas,
             Environment environment, @Value("${healthmed.demo-doctors:300}") int doctors,
             @Value("${healthmed.demo-seed:2026}") long seed) {
        this.accounts = accounts;
        this.directory = directory;
        this.consent = consent;
        this.agendas = agendas;
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
        if (accounts.exists(DOCTOR_CRM)) {
            log.info("Demo data already present");
            return;
        }
        long started = System.nanoTime();
        AccountSeeding.Batch seeded = accounts.batch(PASSWORD);

        // Verified from the start, so the demo can book at once: its published address receives no code.
        Optional<AccountId> patient = seeded.patient("Paciente Demo", new Email(PATIENT_EMAIL), new Cpf(PATIENT_CPF),
                LocalDate.of(1990, 5, 17), Optional.of(new Phone("+5511987654321")));
        // The demo patient can book and join at once: as if they had read and accepted the consent in the app.
        patient.ifPresentOrElse(id -> consent.accept(id, consent.current().version(), Optional.empty()),
                () -> log.warn("Demo patient NOT created: {} or CPF {} belongs to another account", PATIENT_EMAIL, PATIENT_CPF));

        List<String> specialties = List.of("CARDIOLOGIA", "CLINICA_MEDICA");
        List<AccountId> created = new ArrayList<>();
        Optional<AccountId> demoDoctor = seeded.doctor("Dra. Helena Demo", DOCTOR_CRM, specialties);
        demoDoctor.ifPresent(doctor -> {
            directory.profile(new DoctorProfile(doctor, specialties, Optional.of(new BigDecimal("350.00")),
                    Optional.of("Cardiologista com 15 anos de experiência em prevenção e insuficiência cardíaca."),
                    List.of("pt", "en"), Optional.of("Av. Paulista, 1578 - Bela Vista, São Paulo - SP"),
                    Optional.of(new GeoPoint(-23.5614, -46.6559)), ZoneId.of("America/Sao_Paulo"), Duration.ofMinutes(50),
                    Optional.of("helena.demo@healthmed.example"), true, Optional.empty(), false));
            IntStream.of(5, 5, 4, 5, 4, 5).forEach(stars -> directory.rating(doctor, stars));
            created.add(doctor);
        });

        DemoDoctors generator = new DemoDoctors(new Random(seed));
        for (int i = 0; i < doctors; i++) {
            DemoDoctors.Demo demo = generator.next(i);
            seeded.doctor(demo.name(), demo.crm(), demo.specialties()).ifPresent(doctor -> {
                directory.profile(demo.profile(doctor));
                demo.ratings().forEach(stars -> directory.rating(doctor, stars));
                created.add(doctor);
            });
        }
        agendas.publishFor(created, demoDoctor);
        log.info("Demo data: patient {} / doctor CRM {} (password '{}'), {} more doctors, in {} ms",
                PATIENT_EMAIL, DOCTOR_CRM, PASSWORD, doctors, (System.nanoTime() - started) / 1_000_000);
    }
}
