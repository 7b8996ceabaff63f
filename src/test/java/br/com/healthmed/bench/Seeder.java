package br.com.healthmed.bench;

import br.com.healthmed.consent.TeleconsultationConsent;
import br.com.healthmed.identity.AccountDirectory;
import br.com.healthmed.identity.AccountId;
import br.com.healthmed.identity.AccountStore;
import br.com.healthmed.identity.Cpf;
import br.com.healthmed.identity.Crm;
import br.com.healthmed.identity.DoctorAccount;
import br.com.healthmed.identity.Email;
import br.com.healthmed.identity.PatientAccount;
import br.com.healthmed.identity.SessionService;
import br.com.healthmed.scheduling.Agenda;
import br.com.healthmed.support.Api;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Seeds the benchmarks' data through the services of a running instance: accounts straight into the
 * store and sessions opened by the service (no password hashing: registering thousands of patients
 * would measure Argon2), doctors with four weeks of 10-minute slots on weekdays, 08:00 to 18:00.
 */
final class Seeder {

    static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");

    private final AccountStore accounts;
    private final AccountDirectory directory;
    private final SessionService sessions;
    private final Agenda agenda;
    private final TeleconsultationConsent consent;
    private int next = 1;

    Seeder(ConfigurableApplicationContext app) {
        this.accounts = app.getBean(AccountStore.class);
        this.directory = app.getBean(AccountDirectory.class);
        this.consent = app.getBean(TeleconsultationConsent.class);
        this.sessions = app.getBean(SessionService.class);
        this.agenda = app.getBean(Agenda.class);
    }

    List<AccountId> doctorsWithFourWeeks(int count) {
        List<AccountId> ids = new ArrayList<>();
        LocalDate monday = LocalDate.now(ZONE).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        for (int i = 0; i < count; i++) {
            AccountId id = AccountId.random();
            accounts.create(new DoctorAccount(id, "Dra. Bench " + next, Crm.parse((100000 + next++) + "/SP", "crm"),
                    List.of("CARDIOLOGIA"), "{noop}unused", Instant.now()));
            agenda.publishWeekly(id, monday, monday.plusDays(27),
                    EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(8, 0), LocalTime.of(18, 0), Duration.ofMinutes(10));
            ids.add(id);
        }
        return ids;
    }

    List<String> tenSlots(AccountId doctor) {
        Instant from = LocalDate.now(ZONE).with(TemporalAdjusters.next(DayOfWeek.MONDAY)).atStartOfDay(ZONE).toInstant();
        return agenda.freeSlots(doctor, from, from.plus(Duration.ofDays(1))).stream().limit(10)
                .map(s -> s.slot().id().toString()).toList();
    }

    /** {@code count} patients numbered from {@code first}, seeded by a few threads (a DynamoDB store answers each write in a millisecond or more). */
    List<String> patientTokens(int first, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<String>> tokens = new ArrayList<>();
            for (int n = first; n < first + count; n++) {
                int number = n;
                tokens.add(pool.submit(() -> patientToken(number)));
            }
            List<String> done = new ArrayList<>();
            for (var token : tokens) {
                done.add(token.get());
            }
            return done;
        } finally {
            pool.shutdown();
        }
    }

    String patientToken(int n) {
        AccountId id = AccountId.random();
        accounts.create(new PatientAccount(id, "Paciente " + n, Email.parse("bench" + n + "-" + id + "@example.com", "email"),
                Cpf.parse(Api.cpf(90_000_000L + n), "cpf"), LocalDate.of(1990, 1, 1), Optional.empty(), "{noop}unused",
                Instant.now(), true)); // seeded as having verified the e-mail, so they may book
        consent.accept(id, consent.current().version(), Optional.empty()); // and accepted the consent
        return sessions.open(accounts.find(id).orElseThrow()).accessToken();
    }
}
