package br.com.healthmed.bench;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.HealthMedApplication;
import br.com.healthmed.consent.TeleconsultationConsent;
import br.com.healthmed.directory.DoctorProfileService;
import br.com.healthmed.directory.ProfileUpdate;
import br.com.healthmed.identity.AccountDirectory;
import br.com.healthmed.identity.AccountId;
import br.com.healthmed.identity.AccountStore;
import br.com.healthmed.identity.Cpf;
import br.com.healthmed.identity.Crm;
import br.com.healthmed.identity.DoctorAccount;
import br.com.healthmed.identity.Email;
import br.com.healthmed.identity.PatientAccount;
import br.com.healthmed.identity.SessionService;
import br.com.healthmed.notifications.Mail;
import br.com.healthmed.notifications.mail.InMemoryMailer;
import br.com.healthmed.scheduling.Agenda;
import br.com.healthmed.support.Api;
import br.com.healthmed.support.TwoInstances;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The appointment-events benchmark behind BENCHMARKS.md, run by {@code scripts/benchmark-events}
 * (never by {@code scripts/test}: its name matches no test pattern). PAIRS doctor/patient pairs are
 * seeded through the services (tokens minted directly, as in {@link SchedulingBenchmark}); every
 * participant holds an {@code appointmentEvents} subscription on a graphql-ws WebSocket of its own.
 * Then an open loop sends RATE changes a second over HTTP — per pair in turn: the patient books, the
 * doctor accepts, the doctor cancels — each making one event for both participants and one e-mail.
 *
 * <p>Measured, for the changes due after the warm-up:
 * <ul>
 *   <li>each mutation's latency from the instant it was due (no coordinated omission: a pair whose
 *       previous change is still unanswered sends the next one late, and that wait counts);</li>
 *   <li>from the instant the mutation's HTTP answer arrived, the delivery of its event to each of the
 *       two subscribers, and the e-mail it causes reaching the mailer (the in-memory mailer bean of the
 *       instance that relayed the event, wrapped by {@link MailTimes} to note when it takes a message).</li>
 * </ul>
 * Two variants: one instance on the embedded adapters (in-memory storage, in-process events), and two
 * instances sharing dynalite and Redis ({@link TwoInstances}) with the subscribers split over both and
 * the mutations sent round-robin, so most events cross from one instance to the other. Driver, service
 * (and dynalite, Redis) share the machine's cores. It asserts only that events arrived at all, never timing.
 */
class EventsBenchmark {

    private static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private static final Pattern CODE = Pattern.compile("\"code\":\"([A-Z_]+)\"");
    private static final Pattern APPOINTMENT_LINK = Pattern.compile("/consultas/([A-Za-z0-9_-]+)");
    private static final String SUBSCRIPTION = "subscription { appointmentEvents { id kind appointmentId } }";
    private static final String JUSTIFICATION = "Imprevisto na agenda do consultório.";

    private final int pairs = Integer.getInteger("bench.pairs", 100);
    private final int rate = Integer.getInteger("bench.rate", 50);
    private final Duration warmup = Duration.parse(System.getProperty("bench.warmup", "PT10S"));
    private final Duration duration = Duration.parse(System.getProperty("bench.duration", "PT30S"));
    /** How long, after the last answer, events and e-mails still missing are waited for. */
    private final Duration drain = Duration.parse(System.getProperty("bench.drain", "PT30S"));
    private final String nproc = System.getProperty("bench.nproc", "?");
    private final Path out = Path.of(System.getProperty("bench.out", "target/events-benchmark.md"));

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(8)).connectTimeout(Duration.ofSeconds(30)).build();
    private final StandardWebSocketClient webSockets = new StandardWebSocketClient();

    /** Properties of every instance: booking limits out of reach (the load comes from one address), no demo data. */
    private static final Map<String, Object> COMMON = Map.of(
            "server.tomcat.threads.max", 200,
            "healthmed.demo-data", false,
            "healthmed.scheduling.max-active-per-patient", 1000,
            "healthmed.booking-limits.per-account", 1_000_000_000,
            "healthmed.booking-limits.per-network", 1_000_000_000,
            "healthmed.booking-limits.per-device", 1_000_000_000,
            "healthmed.booking-limits.per-network-per-doctor", 1_000_000_000,
            "healthmed.booking-limits.per-device-per-doctor", 1_000_000_000,
            "logging.level.root", "WARN");

    @Test
    void run() throws Exception {
        String loadAtStart = loadAverage();
        Outcome one = oneInstance();
        Outcome two = twoInstances();
        String loadAtEnd = loadAverage();

        for (Outcome outcome : List.of(one, two)) {
            assertThat(outcome.deliveries().count()).as(outcome.variant() + ": events delivered").isPositive();
            assertThat(outcome.mails().count()).as(outcome.variant() + ": e-mails sent").isPositive();
        }
        String report = report(List.of(one, two), loadAtStart, loadAtEnd);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    private Outcome oneInstance() throws Exception {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0"));
        COMMON.forEach((name, value) -> arguments.add("--" + name + "=" + value));
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(HealthMedApplication.class, MailTimes.class)
                .run(arguments.toArray(String[]::new))) {
            int port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            return measure("one instance, embedded adapters", app, List.of(port));
        }
    }

    private Outcome twoInstances() throws Exception {
        TwoInstances instances = new TwoInstances().withConfiguration(MailTimes.class);
        COMMON.forEach(instances::with);
        // Its JUnit callbacks, called directly: it is used here for one method's span, not a test class's.
        instances.beforeAll(null);
        try {
            return measure("two instances, dynalite + Redis", instances.a().context(), List.of(instances.a().port(), instances.b().port()));
        } finally {
            instances.afterAll(null);
        }
    }

    // --- one run ----------------------------------------------------------------------------------

    /** Seeds the pairs on {@code app} (whose storage every instance shares), subscribes them, loads, and counts. */
    private Outcome measure(String variant, ConfigurableApplicationContext app, List<Integer> ports) throws Exception {
        MailTimes.SENT.clear();
        int total = (int) (rate * (warmup.toSeconds() + duration.toSeconds()));
        int measuredFrom = (int) (rate * warmup.toSeconds());
        // each pair books every third of its turns; two slots spare for bookings that failed
        int slotsPerDoctor = (int) Math.ceil(total / (3.0 * pairs)) + 2;
        Seeder seeder = Seeder.of(app);
        List<Pair> seeded = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            List<URI> urls = new ArrayList<>();
            for (int k = 0; k < ports.size(); k++) {
                urls.add(URI.create("http://127.0.0.1:" + ports.get((i + k) % ports.size()) + "/graphql"));
            }
            seeded.add(seeder.pair(slotsPerDoctor, urls));
        }

        Arrivals arrivals = new Arrivals();
        List<Subscriber> subscribers = new ArrayList<>();
        for (int i = 0; i < seeded.size(); i++) {
            Pair pair = seeded.get(i);
            // the doctor and the patient of one pair on different instances when there are two
            subscribers.add(new Subscriber(ports.get((2 * i) % ports.size()), pair.doctor(), arrivals));
            subscribers.add(new Subscriber(ports.get((2 * i + 1) % ports.size()), pair.patient(), arrivals));
        }
        try {
            Flux.fromIterable(subscribers).flatMap(Subscriber::ready, 16).blockLast(Duration.ofMinutes(2));

            List<Change> changes = openLoop(seeded, total, measuredFrom);
            awaitEverything(changes, arrivals);
            System.gc();
            long heapMb = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
            return outcome(variant, changes, arrivals, heapMb);
        } finally {
            subscribers.forEach(Subscriber::close);
        }
    }

    /** RATE changes a second, each to the next pair in turn, whatever the answers do. */
    private List<Change> openLoop(List<Pair> seeded, int total, int measuredFrom) throws Exception {
        ConcurrentLinkedQueue<Change> changes = new ConcurrentLinkedQueue<>();
        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            Pair pair = seeded.get(i % seeded.size());
            boolean measured = i >= measuredFrom;
            // a pair's changes go one after the other (accepting needs the booking's id), each counted from when it was due
            pair.chain = pair.chain.thenCompose(ignored -> next(pair, due, measured, changes));
        }
        CompletableFuture.allOf(seeded.stream().map(p -> p.chain).toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        return List.copyOf(changes);
    }

    /** The pair's next change: book, accept or cancel; on an error the pair books again. */
    private CompletableFuture<Void> next(Pair pair, long due, boolean measured, ConcurrentLinkedQueue<Change> changes) {
        Step step = pair.step;
        String body = switch (step) {
            case BOOK -> "{\"query\":\"mutation { bookAppointment(slotId: \\\"" + pair.slots.get(pair.bookings++ % pair.slots.size())
                    + "\\\", idempotencyKey: \\\"" + UUID.randomUUID() + "\\\") { appointment { id status } } }\"}";
            case ACCEPT -> "{\"query\":\"mutation { acceptAppointment(id: \\\"" + pair.appointment + "\\\") { id status } }\"}";
            case CANCEL -> "{\"query\":\"mutation { cancelAppointment(id: \\\"" + pair.appointment + "\\\", justification: \\\""
                    + JUSTIFICATION + "\\\") { appointment { id status } } }\"}";
        };
        String token = step == Step.BOOK ? pair.patient().token() : pair.doctor().token();
        URI url = pair.urls.get(pair.sent++ % pair.urls.size());
        return http.sendAsync(post(url, body, token), HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
            long answered = System.nanoTime();
            String outcome = failure != null ? "TRANSPORT_" + failure.getClass().getSimpleName() : errorCode(response);
            if (outcome == null && step == Step.BOOK) {
                Matcher id = ID.matcher(response.body());
                pair.appointment = id.find() ? id.group(1) : null;
                outcome = pair.appointment == null ? "NO_ID" : null;
            }
            changes.add(new Change(step, pair, pair.appointment, due, answered, measured, Optional.ofNullable(outcome)));
            pair.step = outcome != null ? Step.BOOK : step.next();
            return null;
        });
    }

    /** Null for an answer without errors, else its first error code. */
    private static String errorCode(HttpResponse<String> response) {
        if (response.statusCode() == 200 && !response.body().contains("\"errors\"")) {
            return null;
        }
        Matcher code = CODE.matcher(response.body());
        return code.find() ? code.group(1) : "HTTP_" + response.statusCode();
    }

    /** Waits (at most the drain time) until every successful change reached both subscribers and the mailer. */
    private void awaitEverything(List<Change> changes, Arrivals arrivals) throws InterruptedException {
        long deadline = System.nanoTime() + drain.toNanos();
        while (System.nanoTime() < deadline) {
            boolean missing = changes.stream().filter(c -> c.error().isEmpty()).anyMatch(c ->
                    !arrivals.times.containsKey(c.eventKey(c.pair().doctor().id()))
                            || !arrivals.times.containsKey(c.eventKey(c.pair().patient().id()))
                            || !MailTimes.SENT.containsKey(c.mailKey()));
            if (!missing) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    private Outcome outcome(String variant, List<Change> all, Arrivals arrivals, long heapMb) {
        List<Change> measured = all.stream().filter(Change::measured).toList();
        List<Change> done = measured.stream().filter(c -> c.error().isEmpty()).toList();
        Map<String, Long> errors = new TreeMap<>();
        measured.forEach(c -> c.error().ifPresent(code -> errors.merge(code, 1L, Long::sum)));
        long[] mutationMicros = measured.stream().mapToLong(c -> (c.answered() - c.due()) / 1000).sorted().toArray();

        List<Long> deliveries = new ArrayList<>();
        long beforeAnswer = 0;
        for (Change change : done) {
            for (Participant to : List.of(change.pair().doctor(), change.pair().patient())) {
                Long at = arrivals.times.get(change.eventKey(to.id()));
                if (at != null) {
                    deliveries.add(Math.max(0, at - change.answered()) / 1000);
                    beforeAnswer += at < change.answered() ? 1 : 0;
                }
            }
        }
        List<Long> mails = new ArrayList<>();
        long mailsBeforeAnswer = 0;
        for (Change change : done) {
            Long at = MailTimes.SENT.get(change.mailKey());
            if (at != null) {
                mails.add(Math.max(0, at - change.answered()) / 1000);
                mailsBeforeAnswer += at < change.answered() ? 1 : 0;
            }
        }
        double seconds = duration.toNanos() / 1e9;
        return new Outcome(variant, new Stats(measured.size(), mutationMicros, seconds), done.size(), errors,
                new Stats(2L * done.size(), sorted(deliveries), seconds), beforeAnswer, arrivals.repeats.get(), arrivals.failures.get(),
                new Stats(done.size(), sorted(mails), seconds), mailsBeforeAnswer, heapMb);
    }

    private static long[] sorted(List<Long> micros) {
        return micros.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    private static HttpRequest post(URI url, String body, String token) {
        return HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    // --- what is counted ------------------------------------------------------------------------

    enum Step {
        BOOK("REQUESTED", "Nova solicitação de consulta"),
        ACCEPT("CONFIRMED", "Consulta confirmada"),
        CANCEL("CANCELLED_BY_DOCTOR", "Consulta cancelada");

        /** The event kind the change makes, and the subject (up to its colon) of the e-mail that event sends. */
        final String kind;
        final String subject;

        Step(String kind, String subject) {
            this.kind = kind;
            this.subject = subject;
        }

        Step next() {
            return values()[(ordinal() + 1) % values().length];
        }

        static Optional<Step> bySubject(String subject) {
            int colon = subject.indexOf(':');
            String head = colon < 0 ? subject : subject.substring(0, colon);
            for (Step step : values()) {
                if (step.subject.equals(head)) {
                    return Optional.of(step);
                }
            }
            return Optional.empty();
        }
    }

    /** One change sent: its times in {@link System#nanoTime()}, and its error code if it failed. */
    record Change(Step step, Pair pair, String appointment, long due, long answered, boolean measured, Optional<String> error) {

        String eventKey(AccountId to) {
            return appointment + "|" + step.kind + "|" + to;
        }

        /** A request is e-mailed to the doctor, a confirmation and a cancellation by the doctor to the patient. */
        String mailKey() {
            Participant to = step == Step.BOOK ? pair.doctor() : pair.patient();
            return appointment + "|" + step.kind + "|" + to.email();
        }
    }

    /** When each subscriber first got each event, and what should not happen: repeats, broken subscriptions. */
    static final class Arrivals {
        final Map<String, Long> times = new ConcurrentHashMap<>();
        final AtomicLong repeats = new AtomicLong();
        final AtomicLong failures = new AtomicLong();

        void arrived(AccountId to, Map<?, ?> event) {
            long now = System.nanoTime();
            if (times.putIfAbsent(event.get("appointmentId") + "|" + event.get("kind") + "|" + to, now) != null) {
                repeats.incrementAndGet();
            }
        }
    }

    record Stats(long expected, long[] sortedMicros, double seconds) {
        long count() {
            return sortedMicros.length;
        }

        double perSecond() {
            return count() / seconds;
        }

        double ms(double percentile) {
            if (sortedMicros.length == 0) {
                return 0;
            }
            int index = (int) Math.ceil(percentile / 100 * sortedMicros.length) - 1;
            return sortedMicros[Math.max(0, Math.min(sortedMicros.length - 1, index))] / 1000.0;
        }
    }

    record Outcome(String variant, Stats mutations, long succeeded, Map<String, Long> errors, Stats deliveries, long beforeAnswer,
                   long repeats, long subscriptionFailures, Stats mails, long mailsBeforeAnswer, long heapMb) {}

    // --- clients --------------------------------------------------------------------------------

    /** A participant as the benchmark drives it: account, access token, the address its e-mails go to. */
    record Participant(AccountId id, String token, String email) {}

    /** A doctor and a patient, their doctor's free slots, and where the pair's next change stands. */
    static final class Pair {
        private final Participant doctor;
        private final Participant patient;
        final List<String> slots;
        /** Where this pair's changes go, in turn: the instances, starting at a different one for every other pair. */
        final List<URI> urls;
        // only touched by the pair's own chain of changes, one at a time
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        Step step = Step.BOOK;
        String appointment;
        int bookings;
        int sent;

        Pair(Participant doctor, Participant patient, List<String> slots, List<URI> urls) {
            this.doctor = doctor;
            this.patient = patient;
            this.slots = slots;
            this.urls = urls;
        }

        Participant doctor() {
            return doctor;
        }

        Participant patient() {
            return patient;
        }
    }

    /** One participant's graphql-ws connection (the token in connection_init, as the app sends it) and subscription. */
    private final class Subscriber {
        private final WebSocketGraphQlClient client;
        private final Disposable subscription;

        Subscriber(int port, Participant participant, Arrivals arrivals) {
            this.client = WebSocketGraphQlClient.builder(URI.create("ws://127.0.0.1:" + port + "/graphql"), webSockets)
                    .interceptor(new WebSocketGraphQlClientInterceptor() {
                        @Override
                        public Mono<Object> connectionInitPayload() {
                            return Mono.just(Map.of("Authorization", "Bearer " + participant.token()));
                        }
                    })
                    .build();
            this.subscription = client.document(SUBSCRIPTION).retrieveSubscription("appointmentEvents").toEntity(Map.class)
                    .subscribe(event -> arrivals.arrived(participant.id(), event), failure -> arrivals.failures.incrementAndGet());
        }

        /** A round trip on the same connection, so the subscription sent before it is live. */
        Mono<String> ready() {
            return client.document("{ me { id } }").retrieve("me.id").toEntity(String.class);
        }

        void close() {
            subscription.dispose();
            client.stop().onErrorComplete().block(Duration.ofSeconds(10));
        }
    }

    /**
     * Wraps each context's in-memory mailer so that it notes, in {@link #SENT}, the instant it takes each
     * e-mail, keyed by appointment, event kind and recipient; it still keeps its outbox. A plain class
     * given to the contexts as a source (not a {@code @Configuration}), so component scanning never adds
     * it to other tests' contexts. Both instances run in this JVM, so one map hears both mailers.
     */
    static class MailTimes {

        static final Map<String, Long> SENT = new ConcurrentHashMap<>();

        @Bean
        static BeanPostProcessor timedMailer() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof InMemoryMailer mailer && !(bean instanceof Timed) ? new Timed(mailer) : bean;
                }
            };
        }

        /** The same outbox (the {@code /dev/mailbox} endpoint still reads it), noting when each message went in. */
        static final class Timed extends InMemoryMailer {
            private final InMemoryMailer outbox;

            Timed(InMemoryMailer outbox) {
                super("unused: every call goes to the wrapped mailer");
                this.outbox = outbox;
            }

            @Override
            public void send(Mail mail) {
                outbox.send(mail);
                long now = System.nanoTime();
                Matcher link = APPOINTMENT_LINK.matcher(mail.text());
                Optional<Step> step = Step.bySubject(mail.subject());
                if (link.find() && step.isPresent()) {
                    SENT.putIfAbsent(link.group(1) + "|" + step.get().kind + "|" + mail.to(), now);
                }
            }

            @Override
            public List<Sent> outbox() {
                return outbox.outbox();
            }
        }
    }

    // --- seeding --------------------------------------------------------------------------------

    /** Accounts straight into the store, profiles and slots through the services, sessions opened by the service. */
    private record Seeder(AccountStore accounts, AccountDirectory directory, SessionService sessions, DoctorProfileService profiles,
                          Agenda agenda, TeleconsultationConsent consent, AtomicInteger counter) {

        static Seeder of(ConfigurableApplicationContext app) {
            return new Seeder(app.getBean(AccountStore.class), app.getBean(AccountDirectory.class), app.getBean(SessionService.class),
                    app.getBean(DoctorProfileService.class), app.getBean(Agenda.class), app.getBean(TeleconsultationConsent.class),
                    new AtomicInteger());
        }

        Pair pair(int slotCount, List<URI> urls) {
            int n = counter.incrementAndGet();
            AccountId doctorId = AccountId.random();
            accounts.create(new DoctorAccount(doctorId, "Dra. Bench " + n, Crm.parse((200000 + n) + "/SP", "crm"),
                    List.of("CARDIOLOGIA"), "{noop}unused", Instant.now()));
            // doctors register without an e-mail: only one given in the profile gets the request e-mails
            String doctorEmail = "medica" + n + "-" + doctorId + "@example.com";
            profiles.update(doctorId,
                    new ProfileUpdate(List.of("CARDIOLOGIA"), null, null, null, null, null, null, null, null, doctorEmail, false, null, null));
            // hourly 50-minute consultations from next Monday 08:00 on, for as long as needed
            Instant first = LocalDate.now(ZONE).with(TemporalAdjusters.next(DayOfWeek.MONDAY)).atTime(LocalTime.of(8, 0)).atZone(ZONE).toInstant();
            List<Agenda.NewSlot> wanted = new ArrayList<>();
            for (int k = 0; k < slotCount; k++) {
                wanted.add(new Agenda.NewSlot(first.plus(Duration.ofHours(k)), Optional.empty()));
            }
            List<String> slots = agenda.publish(doctorId, wanted).stream().map(s -> s.slot().id().toString()).toList();

            AccountId patientId = AccountId.random();
            String patientEmail = "paciente" + n + "-" + patientId + "@example.com";
            accounts.create(new PatientAccount(patientId, "Paciente " + n, Email.parse(patientEmail, "email"),
                    Cpf.parse(Api.cpf(80_000_000L + n), "cpf"), LocalDate.of(1990, 1, 1), Optional.empty(), "{noop}unused", Instant.now(),
                    true)); // seeded as having verified the e-mail, so they may book
            consent.accept(patientId, consent.current().version(), Optional.empty()); // and accepted the consent
            return new Pair(new Participant(doctorId, token(doctorId), doctorEmail), new Participant(patientId, token(patientId), patientEmail),
                    slots, urls);
        }

        private String token(AccountId id) {
            return sessions.open(accounts.find(id).orElseThrow()).accessToken();
        }
    }

    // --- report ---------------------------------------------------------------------------------

    private String report(List<Outcome> outcomes, String loadAtStart, String loadAtEnd) {
        List<String> lines = new ArrayList<>(List.of(
                "## Appointment events: from the change to the subscriber and to the mailer",
                "",
                "Produced by `scripts/benchmark-events` (rerun it to refresh this section). " + pairs + " doctor/patient pairs,",
                "each participant subscribed to `appointmentEvents { id kind appointmentId }` on a graphql-ws WebSocket of",
                "its own; an open loop sends " + rate + " changes/s over HTTP (per pair in turn: the patient books, the doctor",
                "accepts, the doctor cancels), each making one event for both participants and one e-mail. Measured: the",
                "changes due in the " + duration + " after a " + warmup + " warm-up. Mutations count from the instant each was due",
                "(no coordinated omission); events and e-mails from the instant the mutation's HTTP answer arrived.",
                "The driver, the service(s), dynalite and Redis share the machine's cores; driver and service(s) share one JVM.",
                "",
                "- date: " + Instant.now().toString().substring(0, 16) + "Z",
                "- machine: `nproc` " + nproc + " (JVM sees " + Runtime.getRuntime().availableProcessors() + "); java "
                        + System.getProperty("java.version") + "; heap max " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB",
                "- load average (1, 5, 15 min) at the start: " + loadAtStart + "; at the end: " + loadAtEnd,
                "- command: `PAIRS=" + pairs + " RATE=" + rate + " WARMUP=" + warmup + " DURATION=" + duration + " DRAIN=" + drain
                        + " scripts/benchmark-events`",
                "",
                "| variant | what | done / expected | per second | p50 ms | p95 ms | p99 ms | max ms |",
                "| --- | --- | --- | --- | --- | --- | --- | --- |"));
        for (Outcome o : outcomes) {
            lines.add(row(o.variant(), "mutation, due → answer", o.mutations(), o.succeeded()));
            lines.add(row(o.variant(), "event, answer → subscriber", o.deliveries(), o.deliveries().count()));
            lines.add(row(o.variant(), "e-mail, answer → mailer", o.mails(), o.mails().count()));
        }
        lines.add("");
        for (Outcome o : outcomes) {
            lines.add(String.format("- %s: mutation errors %s; before the answer reached the driver (counted as 0 ms), %d events "
                            + "reached their subscriber and %d e-mails the mailer; events received twice: %d; subscriptions that failed: %d; "
                            + "heap in use after the run: %d MiB.",
                    o.variant(), o.errors().isEmpty() ? "none" : o.errors().toString(), o.beforeAnswer(), o.mailsBeforeAnswer(),
                    o.repeats(), o.subscriptionFailures(), o.heapMb()));
        }
        lines.add("");
        return String.join("\n", lines);
    }

    private static String row(String variant, String what, Stats stats, long done) {
        return String.format("| %s | %s | %d / %d | %.1f | %.2f | %.2f | %.2f | %.2f |", variant, what, done, stats.expected(),
                done / stats.seconds(), stats.ms(50), stats.ms(95), stats.ms(99), stats.ms(100));
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return String.join(" ", fields[0], fields[1], fields[2]);
        } catch (IOException e) {
            return "unknown (no /proc/loadavg)";
        }
    }
}
