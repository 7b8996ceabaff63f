// The chaos suite's load and invariant driver (run by scripts/chaos with `java ChaosDriver.java`; no build).
//
// Against two instances of the service (one DynamoDB table on dynalite, one Redis), it
//   1. prepares a few hot doctors and many patients through the API, and subscribes some of them to
//      appointmentEvents over graphql-ws (a raw JDK WebSocket);
//   2. runs rounds of races until scripts/chaos says its faults are over: every patient books one of the
//      few new slots of the round at the same instant, on either instance; then doctors accept or reject
//      while some winners cancel and the losers try again; then confirmed winners cancel. Every request
//      attempt is recorded (operation, instance, start, latency, code);
//   3. reads the committed history back through the API, as each participant, and checks the
//      invariants (no slot held by two live appointments, one consistent state per appointment seen
//      alike by both parties, every acknowledged change kept, agendas agreeing with appointments,
//      orphaned holds taken over after the grace, every change in both participants' event streams
//      once, and a replay identical to what was received live);
//   4. writes the report (per operation, per error code, per fault window) and exits 1 on a violation
//      or an INTERNAL_ERROR.
// Clients behave as a well-behaved app behind a load balancer would: an attempt that times out, cannot
// connect or answers a retryable code is sent again (same idempotency key) to the other instance
// within a budget, so the figures show what users would have seen.
//
//   java ChaosDriver.java a=http://127.0.0.1:PA b=http://127.0.0.1:PB out=DIR [patients=160] [doctors=3]
//        [slots=3 (at most 4)] [subscribed=24] [max-race-seconds=300] [attempt-timeout-ms=2000] [retry-budget-ms=30000]
//        [grace-seconds=20] [events-wait-seconds=60]
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;

public class ChaosDriver {

    // ------------------------------------------------------------------------------------------------
    // GraphQL documents (only the fields the checks need)

    /** Registration opens no session (its answer is the same whether the e-mail was new): the patient then logs in. */
    static final String REGISTER_PATIENT = "mutation($i: RegisterPatientInput!) { registerPatient(input: $i) { email } }";
    static final String REGISTER_DOCTOR = "mutation($i: RegisterDoctorInput!) { registerDoctor(input: $i) { accessToken account { id } } }";
    static final String LOGIN_DOCTOR = "mutation($l: String!, $p: String!) { loginDoctor(crm: $l, password: $p) { ... on AuthPayload { accessToken account { id } } } }";
    static final String VERIFY_AND_LOGIN = "mutation($e: String!, $c: String!, $p: String!) { verifyEmailAndLogin(email: $e, code: $c, password: $p) { ... on AuthPayload { accessToken account { id } } } }";
    static final String CONSENT_VERSION = "{ teleconsultationConsent { version } }";
    static final String ACCEPT_CONSENT = "mutation($v: String!) { acceptTeleconsultationConsent(version: $v) { version } }";
    static final String PUBLISH = "mutation($s: [NewSlotInput!]!) { publishSlots(slots: $s) { id start } }";
    static final String REMOVE_SLOT = "mutation($s: ID!) { removeSlot(slotId: $s) }";
    static final String MY_AGENDA = "query($f: DateTime!, $t: DateTime!) { myAgenda(from: $f, to: $t) { id start available appointment { id status } } }";
    static final String BOOK = "mutation($s: ID!, $k: String!) { bookAppointment(slotId: $s, idempotencyKey: $k) { appointment { id slotId status } } }";
    static final String ACCEPT = "mutation($id: ID!) { acceptAppointment(id: $id) { id status } }";
    static final String REJECT = "mutation($id: ID!, $r: String!) { rejectAppointment(id: $id, reason: $r) { appointment { id status } } }";
    static final String CANCEL = "mutation($id: ID!, $j: String!) { cancelAppointment(id: $id, justification: $j) { appointment { id status } } }";
    static final String MY_APPOINTMENTS = "query($after: String) { myAppointments(first: 100, after: $after) { edges { node { "
            + "id slotId status requestedAt doctor { id } patient { id } history { from to by } } } pageInfo { hasNextPage endCursor } } }";
    static final String EVENTS_CURSOR = "{ appointmentEventsCursor }";
    static final String EVENTS = "subscription($after: ID) { appointmentEvents(after: $after) { id kind appointmentId status } }";

    static final String PASSWORD = "Caos-Controlado-2026";
    static final Set<String> LIVE = Set.of("REQUESTED", "CONFIRMED");
    /** Answers a client retries (same idempotency key, other instance): the request may not have happened, or may be worth repeating. */
    static final Set<String> RETRYABLE = Set.of("CONNECTION_REFUSED", "CLIENT_TIMEOUT", "IO_ERROR", "HTTP_5XX",
            "SERVICE_BUSY", "STORAGE_UNAVAILABLE", "INTERNAL_ERROR", "REQUEST_BUDGET_EXCEEDED");

    public static void main(String[] args) throws Exception {
        Config config = Config.parse(args);
        Recorder recorder = new Recorder();
        Api api = new Api(config, recorder);
        Faults faults = new Faults(config.out.resolve("faults.log"));

        log("preparing %d doctors and %d patients", config.doctors, config.patients);
        List<Participant> doctors = parallel(4, range(config.doctors, i -> () -> prepareDoctor(api, i)));
        List<Participant> patients = parallel(4, range(config.patients, i -> () -> preparePatient(api, i)));
        List<Participant> subscribed = new ArrayList<>(doctors);
        subscribed.addAll(patients.subList(0, Math.min(config.subscribed, patients.size())));
        Events events = new Events(config);
        events.subscribeAll(api, subscribed);
        log("%d event subscriptions live", subscribed.size());

        Ledger ledger = new Ledger();
        OrphanWatch orphans = new OrphanWatch(api, doctors, faults, config);
        orphans.start();
        Files.writeString(config.out.resolve("races.started"), Instant.now().toString());
        Races races = new Races(api, doctors, patients, ledger, config);
        int rounds = races.runUntil(() -> Files.exists(config.out.resolve("faults.done")));
        Instant racesEnded = Instant.now();
        log("races done: %d rounds", rounds);

        orphans.awaitGrace(racesEnded);
        // before the history is read, so the take-over bookings are part of it (and of the event streams)
        Map<String, String> takeOvers = orphans.takeOver(api);
        World world = World.read(api, doctors, patients, config);
        Invariants invariants = new Invariants(world, ledger);
        invariants.checkAll(takeOvers);
        events.awaitAndCheck(world, invariants, config);
        events.closeAll();

        Report report = new Report(config, recorder, faults.windows(), invariants, world, ledger, rounds, orphans, events, racesEnded);
        String text = report.render();
        Files.writeString(config.out.resolve("report.md"), text);
        Files.write(config.out.resolve("attempts.csv"), recorder.attempts.stream()
                .map(a -> String.join(",", Long.toString(a.operation), a.op, a.instance == 0 ? "A" : "B", Long.toString(a.startMs),
                        Long.toString(a.latencyMs), a.code, a.subject))
                .collect(Collectors.toList()));
        System.out.println(text);
        boolean clean = invariants.violations.isEmpty() && recorder.count("INTERNAL_ERROR") == 0
                && !events.subscriptionErrors().containsKey("INTERNAL_ERROR");
        System.exit(clean ? 0 : 1);
    }

    // ------------------------------------------------------------------------------------------------
    // Participants

    record Participant(String role, int number, String id, String token) {
        String label() {
            return role + " " + number;
        }
    }

    /**
     * Everything a patient needs before booking, in one place: register, verify the e-mail with the code
     * from the local mailer (/dev/mailbox of either instance) and the password, which opens the first
     * session (an unverified patient's password opens none), accept the consent in force.
     */
    static Participant preparePatient(Api api, int n) {
        Participant patient = register(api, "patient", n, () -> {
            String email = "caos." + n + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
            Map<String, Object> input = map("name", "Paciente Caos " + n, "email", email,
                    "cpf", cpf(ThreadLocalRandom.current().nextLong(1, 999_999_999)), "password", PASSWORD, "birthDate", "1990-05-17");
            return new Registration("registerPatient", REGISTER_PATIENT, input, "verifyEmailAndLogin", VERIFY_AND_LOGIN,
                    () -> map("e", email, "c", api.verificationCodeOrNone(email), "p", PASSWORD));
        });
        Map<?, ?> consent = (Map<?, ?>) api.call("teleconsultationConsent", null, CONSENT_VERSION, map(), n % 2)
                .require("teleconsultationConsent");
        api.call("acceptTeleconsultationConsent", patient.token(), ACCEPT_CONSENT, map("v", consent.get("version")), n % 2)
                .require("acceptTeleconsultationConsent");
        return patient;
    }

    static Participant prepareDoctor(Api api, int n) {
        return register(api, "doctor", n, () -> {
            String crm = (100000 + ThreadLocalRandom.current().nextInt(900_000_000)) + "/SP";
            Map<String, Object> input = map("name", "Dra. Caos " + n, "crm", crm, "password", PASSWORD, "specialties", List.of("CARDIOLOGIA"));
            return new Registration("registerDoctor", REGISTER_DOCTOR, input, "loginDoctor", LOGIN_DOCTOR, () -> map("l", crm, "p", PASSWORD));
        });
    }

    /** {@code loginVariables} are asked for after the registration answered (a patient's need the e-mailed code). */
    record Registration(String field, String document, Map<String, Object> input, String loginField, String loginDocument,
                        Supplier<Map<String, Object>> loginVariables) {}

    /**
     * Registers a new account and gets a session. A patient's registration answers no tokens (and the
     * same whether its e-mail was new), so the patient always verifies the e-mailed code after it, with
     * the password (which alone opens no session until then). A doctor's is not
     * idempotent: when an attempt timed out after the account was made, the retry answers CRM_TAKEN, and
     * the client then logs in with what it registered. When the login fails (the first attempt died
     * half-way), it starts over with new identifiers.
     */
    static Participant register(Api api, String role, int n, Supplier<Registration> fresh) {
        for (int attempt = 0; ; attempt++) {
            Registration r = fresh.get();
            Outcome registered = api.call(r.field, null, r.document, map("i", r.input), n % 2);
            Outcome session = registered;
            String field = r.field;
            if (registered.code.endsWith("_TAKEN") || (registered.ok() && r.field.equals("registerPatient"))) {
                session = api.call(r.loginField, null, r.loginDocument, r.loginVariables.get(), n % 2);
                field = r.loginField;
            }
            if (session.ok() || attempt == 2) {
                Map<?, ?> payload = (Map<?, ?>) session.require(field);
                return new Participant(role, n, (String) ((Map<?, ?>) payload.get("account")).get("id"), (String) payload.get("accessToken"));
            }
        }
    }

    /** A valid CPF (check digits right, digits not all equal) from a number. */
    static String cpf(long n) {
        String base = String.format("%09d", n % 1_000_000_000L);
        if (base.chars().distinct().count() == 1) {
            base = "123456789";
        }
        int d1 = cpfDigit(base);
        int d2 = cpfDigit(base + d1);
        return base + d1 + d2;
    }

    static int cpfDigit(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            sum += (digits.charAt(i) - '0') * (digits.length() + 1 - i);
        }
        int remainder = (sum * 10) % 11;
        return remainder == 10 ? 0 : remainder;
    }

    // ------------------------------------------------------------------------------------------------
    // The races

    /** One booking the driver was told succeeded. */
    record Booking(String appointmentId, Participant patient, Participant doctor, String slotId) {}

    static final class Races {
        private final Api api;
        private final List<Participant> doctors;
        private final List<Participant> patients;
        private final Ledger ledger;
        private final Config config;
        private final Map<String, Participant> slotOwner = new ConcurrentHashMap<>();

        Races(Api api, List<Participant> doctors, List<Participant> patients, Ledger ledger, Config config) {
            this.api = api;
            this.doctors = doctors;
            this.patients = patients;
            this.ledger = ledger;
            this.config = config;
        }

        /** Three rounds a day from the day after tomorrow: the last one within the 30 days the checks read. */
        static final int MAX_ROUNDS = 27 * 3;

        int runUntil(Check done) throws Exception {
            Instant end = Instant.now().plusSeconds(config.maxRaceSeconds);
            int round = 0;
            // at least two rounds, so even a run whose faults end early races twice
            while (round < 2 || (!done.yes() && Instant.now().isBefore(end) && round < MAX_ROUNDS)) {
                round(round++);
            }
            return round;
        }

        private void round(int r) throws Exception {
            List<String> slots = publishRound(r);
            if (slots.isEmpty()) {
                log("round %d: no slots published", r);
                return;
            }
            // Wave 1: every patient wants one of the few new slots, all at once; each doctor meanwhile
            // removes one of them (editing the agenda while it is booked).
            List<Supplier<Booking>> wave1 = new ArrayList<>();
            for (Participant patient : patients) {
                wave1.add(() -> book(patient, pick(slots)));
            }
            for (Participant doctor : doctors) {
                List<String> own = slots.stream().filter(s -> slotOwner.get(s) == doctor).collect(Collectors.toList());
                if (!own.isEmpty() && ThreadLocalRandom.current().nextBoolean()) {
                    String slot = pick(own);
                    wave1.add(() -> { removeSlot(doctor, slot); return null; });
                }
            }
            List<Booking> winners = burst(wave1);
            Set<Participant> won = winners.stream().map(Booking::patient).collect(Collectors.toSet());
            List<Participant> losers = patients.stream().filter(p -> !won.contains(p)).collect(Collectors.toList());

            // Wave 2: doctors answer each request while a third of the winners cancel theirs (the same
            // appointment accepted and cancelled at once) and half of the losers try again (slots freed by
            // a rejection or a cancellation are taken at once).
            List<Supplier<Booking>> wave2 = new ArrayList<>();
            Set<String> accepted = ConcurrentHashMap.newKeySet();
            for (Booking b : winners) {
                if (ThreadLocalRandom.current().nextInt(10) < 6) {
                    wave2.add(() -> { if (accept(b)) accepted.add(b.appointmentId); return null; });
                } else {
                    wave2.add(() -> { reject(b); return null; });
                }
                if (ThreadLocalRandom.current().nextInt(3) == 0) {
                    wave2.add(() -> { cancel(b, b.patient); return null; });
                }
            }
            for (Participant loser : losers) {
                if (ThreadLocalRandom.current().nextBoolean()) {
                    wave2.add(() -> book(loser, pick(slots)));
                }
            }
            List<Booking> secondWinners = burst(wave2);

            // Wave 3: winners cancelling: half of the confirmed consultations are called off (by the
            // patient, one in five by the doctor) while the new requests are accepted and the losers try
            // once more for what that frees.
            List<Supplier<Booking>> wave3 = new ArrayList<>();
            for (Booking b : winners) {
                if (accepted.contains(b.appointmentId) && ThreadLocalRandom.current().nextBoolean()) {
                    Participant by = ThreadLocalRandom.current().nextInt(5) == 0 ? b.doctor : b.patient;
                    wave3.add(() -> { cancel(b, by); return null; });
                }
            }
            for (Booking b : secondWinners) {
                wave3.add(() -> { accept(b); return null; });
            }
            for (Participant loser : losers) {
                if (ThreadLocalRandom.current().nextInt(4) == 0) {
                    wave3.add(() -> book(loser, pick(slots)));
                }
            }
            burst(wave3);
            log("round %d: %d slots, %d + %d bookings won, %d accepted", r, slots.size(), winners.size(), secondWinners.size(), accepted.size());
        }

        /**
         * Each doctor publishes the round's few slots (at most 4, an hour apart): three rounds a day, in
         * the four hours from 08:00, 12:00 or 16:00 UTC, a day further every three rounds.
         */
        private List<String> publishRound(int r) {
            List<String> all = new ArrayList<>();
            Instant first = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(2 + r / 3, ChronoUnit.DAYS).plus(8 + (r % 3) * 4, ChronoUnit.HOURS);
            Instant last = first.plus(config.slots, ChronoUnit.HOURS);
            for (Participant doctor : doctors) {
                List<Map<String, Object>> input = new ArrayList<>();
                for (int k = 0; k < config.slots; k++) {
                    input.add(map("start", first.plus(k, ChronoUnit.HOURS).toString()));
                }
                Outcome published = api.call("publishSlots", doctor.token, PUBLISH, map("s", input), rnd(2));
                List<String> ids = new ArrayList<>();
                if (published.ok()) {
                    for (Object slot : (List<?>) published.data.get("publishSlots")) {
                        ids.add((String) ((Map<?, ?>) slot).get("id"));
                    }
                } else {
                    // an attempt that timed out may have published them (a retry then meets SLOT_OVERLAP): read them back
                    try {
                        agenda(api, doctor, first, last).forEach(slot -> ids.add(slot.id));
                    } catch (IllegalStateException unreadable) {
                        log("round %d: %s published nothing readable (%s)", r, doctor.label(), published.code);
                    }
                }
                ids.forEach(id -> slotOwner.put(id, doctor));
                ledger.published.addAll(ids);
                all.addAll(ids);
            }
            return all;
        }

        private Booking book(Participant patient, String slot) {
            Outcome booked = api.call("bookAppointment", patient.token, BOOK, map("s", slot, "k", UUID.randomUUID().toString()), rnd(2));
            if (!booked.ok()) {
                return null;
            }
            Map<?, ?> appointment = (Map<?, ?>) ((Map<?, ?>) booked.data.get("bookAppointment")).get("appointment");
            Booking booking = new Booking((String) appointment.get("id"), patient, slotOwner.get(slot), slot);
            ledger.booked.put(booking.appointmentId, booking);
            return booking;
        }

        private boolean accept(Booking b) {
            boolean ok = api.call("acceptAppointment", b.doctor.token, ACCEPT, map("id", b.appointmentId), rnd(2)).ok();
            if (ok) {
                ledger.accepted.add(b.appointmentId);
            }
            return ok;
        }

        private void reject(Booking b) {
            if (api.call("rejectAppointment", b.doctor.token, REJECT, map("id", b.appointmentId, "r", "Agenda indisponível neste horário."), rnd(2)).ok()) {
                ledger.rejected.add(b.appointmentId);
            }
        }

        private void cancel(Booking b, Participant by) {
            String op = by.role.equals("doctor") ? "cancelAppointment (doctor)" : "cancelAppointment (patient)";
            if (api.call(op, by.token, CANCEL, map("id", b.appointmentId, "j", "Imprevisto de última hora, desculpe."), rnd(2)).ok()) {
                ledger.cancelled.add(b.appointmentId);
            }
        }

        private void removeSlot(Participant doctor, String slot) {
            if (api.call("removeSlot", doctor.token, REMOVE_SLOT, map("s", slot), rnd(2)).ok()) {
                ledger.removed.add(slot);
            }
        }

        /** Runs the tasks at the same instant (a start gate), each on its own thread; returns their bookings. */
        private List<Booking> burst(List<Supplier<Booking>> tasks) throws Exception {
            // scripts/chaos waits for a burst to begin before it kills an instance: a crash mid-booking
            Files.writeString(config.out.resolve("bursts"), Instant.now() + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            Collections.shuffle(tasks);
            return parallel(tasks.size(), tasks).stream().filter(Objects::nonNull).collect(Collectors.toList());
        }
    }

    /** What the driver was told succeeded; the committed history must contain all of it. */
    static final class Ledger {
        final Set<String> published = ConcurrentHashMap.newKeySet();
        final Map<String, Booking> booked = new ConcurrentHashMap<>();
        final Set<String> accepted = ConcurrentHashMap.newKeySet();
        final Set<String> rejected = ConcurrentHashMap.newKeySet();
        final Set<String> cancelled = ConcurrentHashMap.newKeySet();
        final Set<String> removed = ConcurrentHashMap.newKeySet();
    }

    // ------------------------------------------------------------------------------------------------
    // Reading the agenda, and holds orphaned by the crash

    record AgendaSlot(String id, boolean available, String appointmentId, String appointmentStatus) {}

    static List<AgendaSlot> agenda(Api api, Participant doctor, Instant from, Instant to) {
        Outcome read = api.call("myAgenda", doctor.token, MY_AGENDA, map("f", from.toString(), "t", to.toString()), rnd(2));
        List<AgendaSlot> slots = new ArrayList<>();
        if (!read.ok()) {
            throw new IllegalStateException("myAgenda of " + doctor.label() + " failed: " + read.code);
        }
        for (Object item : (List<?>) read.data.get("myAgenda")) {
            Map<?, ?> slot = (Map<?, ?>) item;
            Map<?, ?> appointment = (Map<?, ?>) slot.get("appointment");
            slots.add(new AgendaSlot((String) slot.get("id"), Boolean.TRUE.equals(slot.get("available")),
                    appointment == null ? null : (String) appointment.get("id"), appointment == null ? null : (String) appointment.get("status")));
        }
        return slots;
    }

    /**
     * Looks for the holds each fault orphaned: slots taken (not available) with no appointment, seen so
     * twice 3 s apart (a booking in flight looks the same for a few milliseconds). After a SIGSTOP it
     * looks 1 s after the SIGCONT (the paused instance's calls in flight then time out); after the
     * kill -9, 3 s after the kill. After the grace each must have been taken over.
     */
    static final class OrphanWatch extends Thread {
        private final Api api;
        private final List<Participant> doctors;
        private final Faults faults;
        private final Config config;
        private final Set<String> suspects = ConcurrentHashMap.newKeySet();
        /** Fault → the orphaned holds found after it. */
        private final Map<String, Set<String>> byFault = new ConcurrentHashMap<>();
        private volatile Instant crashAt;
        private volatile boolean racesOver;

        OrphanWatch(Api api, List<Participant> doctors, Faults faults, Config config) {
            super("orphan-watch");
            setDaemon(true);
            this.api = api;
            this.doctors = doctors;
            this.faults = faults;
            this.config = config;
        }

        @Override
        public void run() {
            Set<String> handled = new HashSet<>();
            while (!racesOver) {
                for (Window w : faults.windows()) {
                    boolean crash = w.name.equals("kill-b");
                    long lookAt = crash ? w.startMs + 3000 : w.endMs == Long.MAX_VALUE ? Long.MAX_VALUE : w.endMs + 1000;
                    if (handled.contains(w.name) || System.currentTimeMillis() < lookAt) {
                        continue;
                    }
                    handled.add(w.name);
                    if (crash) {
                        crashAt = Instant.ofEpochMilli(w.startMs);
                    }
                    try {
                        Set<String> first = orphansNow();
                        Thread.sleep(3000);
                        first.retainAll(orphansNow());
                        byFault.put(w.name, first);
                        suspects.addAll(first);
                        log("after %s: %d orphaned holds", w.name, first.size());
                    } catch (InterruptedException e) {
                        return;
                    } catch (RuntimeException e) {
                        log("orphan watch after %s failed: %s", w.name, e);
                    }
                }
                ChaosDriver.sleep(200);
            }
        }

        Map<String, Set<String>> byFault() {
            return byFault;
        }

        private Set<String> orphansNow() {
            Set<String> found = new HashSet<>();
            Instant now = Instant.now();
            for (Participant doctor : doctors) {
                for (AgendaSlot slot : agenda(api, doctor, now, now.plus(30, ChronoUnit.DAYS))) {
                    if (!slot.available && slot.appointmentId == null) {
                        found.add(slot.id);
                    }
                }
            }
            return found;
        }

        /**
         * Waits until the stale-hold grace has passed since the crash and since the races ended, so every
         * orphaned hold counts as free: a storage timeout during a claim orphans one too, without a crash.
         */
        void awaitGrace(Instant racesEnded) throws InterruptedException {
            racesOver = true;
            join(60_000);
            Instant until = racesEnded.plusSeconds(config.graceSeconds + 2);
            if (crashAt != null && crashAt.plusSeconds(config.graceSeconds + 2).isAfter(until)) {
                until = crashAt.plusSeconds(config.graceSeconds + 2);
            }
            long wait = Duration.between(Instant.now(), until).toMillis();
            if (wait > 0) {
                log("waiting %d ms for the stale-hold grace", wait);
                Thread.sleep(wait);
            }
        }

        Set<String> suspects() {
            return suspects;
        }

        /**
         * Books each orphaned slot that nobody has taken since, as a new patient: after the grace the
         * booking must succeed. Returns what each slot answered (OK, or the code).
         */
        Map<String, String> takeOver(Api api) {
            Map<String, String> answers = new TreeMap<>();
            Set<String> heldNow = new HashSet<>();
            Instant now = Instant.now();
            for (Participant doctor : doctors) {
                agenda(api, doctor, now, now.plus(30, ChronoUnit.DAYS)).stream().filter(s -> s.appointmentId != null)
                        .forEach(s -> heldNow.add(s.id));
            }
            int n = 0;
            for (String slotId : suspects) {
                if (heldNow.contains(slotId)) {
                    answers.put(slotId, "OK (booked by a racer since)");
                    continue;
                }
                Participant newcomer = preparePatient(api, 100_000 + n++);
                answers.put(slotId, api.call("bookAppointment (orphaned slot)", newcomer.token, BOOK,
                        map("s", slotId, "k", UUID.randomUUID().toString()), rnd(2)).code);
            }
            return answers;
        }

    }

    // ------------------------------------------------------------------------------------------------
    // Committed history, read through the API as each participant

    record Appt(String id, String slotId, String status, Instant requestedAt, String doctorId, String patientId, List<String> history) {}

    static final class World {
        /** Every appointment as its patient sees it, and as its doctor sees it. */
        final Map<String, Appt> byPatient = new ConcurrentHashMap<>();
        final Map<String, Appt> byDoctor = new ConcurrentHashMap<>();
        final Map<String, List<AgendaSlot>> agendas = new ConcurrentHashMap<>();
        final Map<String, Participant> participants = new HashMap<>();

        static World read(Api api, List<Participant> doctors, List<Participant> patients, Config config) throws Exception {
            World world = new World();
            List<Participant> everyone = new ArrayList<>(doctors);
            everyone.addAll(patients);
            everyone.forEach(p -> world.participants.put(p.id, p));
            parallel(8, range(everyone.size(), i -> () -> {
                Participant p = everyone.get(i);
                for (Appt a : appointments(api, p)) {
                    (p.role.equals("doctor") ? world.byDoctor : world.byPatient).put(a.id, a);
                }
                return null;
            }));
            Instant now = Instant.now();
            for (Participant doctor : doctors) {
                world.agendas.put(doctor.id, agenda(api, doctor, now, now.plus(30, ChronoUnit.DAYS)));
            }
            return world;
        }

        static List<Appt> appointments(Api api, Participant who) {
            List<Appt> all = new ArrayList<>();
            String after = null;
            while (true) {
                Outcome page = api.call("myAppointments", who.token, MY_APPOINTMENTS, map("after", after), rnd(2));
                Map<?, ?> connection = (Map<?, ?>) page.require("myAppointments");
                for (Object edge : (List<?>) connection.get("edges")) {
                    Map<?, ?> node = (Map<?, ?>) ((Map<?, ?>) edge).get("node");
                    List<String> history = new ArrayList<>();
                    for (Object step : (List<?>) node.get("history")) {
                        history.add((String) ((Map<?, ?>) step).get("to"));
                    }
                    all.add(new Appt((String) node.get("id"), (String) node.get("slotId"), (String) node.get("status"),
                            OffsetDateTime.parse((String) node.get("requestedAt")).toInstant(),
                            (String) ((Map<?, ?>) node.get("doctor")).get("id"), (String) ((Map<?, ?>) node.get("patient")).get("id"), history));
                }
                Map<?, ?> pageInfo = (Map<?, ?>) connection.get("pageInfo");
                if (!Boolean.TRUE.equals(pageInfo.get("hasNextPage"))) {
                    return all;
                }
                after = (String) pageInfo.get("endCursor");
            }
        }

        /** The union of both views (the patient's first). */
        Map<String, Appt> all() {
            Map<String, Appt> all = new HashMap<>(byDoctor);
            all.putAll(byPatient);
            return all;
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Invariants

    static final class Invariants {
        /** The allowed steps of the life cycle (README, "Life cycle"); null is "not yet booked". */
        static final Map<String, Set<String>> STEPS = Map.of(
                "NONE", Set.of("REQUESTED"),
                "REQUESTED", Set.of("CONFIRMED", "REJECTED", "CANCELLED", "EXPIRED"),
                "CONFIRMED", Set.of("CANCELLED", "COMPLETED", "NO_SHOW"),
                "COMPLETED", Set.of("NO_SHOW"));

        final World world;
        final Ledger ledger;
        final Map<String, List<String>> violations = new TreeMap<>();
        final Map<String, Long> checked = new LinkedHashMap<>();
        int orphansTakenOver;

        Invariants(World world, Ledger ledger) {
            this.world = world;
            this.ledger = ledger;
        }

        void violation(String invariant, String detail) {
            violations.computeIfAbsent(invariant, k -> Collections.synchronizedList(new ArrayList<>())).add(detail);
        }

        void count(String invariant, long n) {
            checked.merge(invariant, n, Long::sum);
        }

        void checkAll(Map<String, String> takeOvers) {
            noSlotHeldTwice();
            oneConsistentState();
            acknowledgedChangesKept();
            agendasAgree();
            orphansTakenOver(takeOvers);
        }

        /** No slot is held by two live (REQUESTED or CONFIRMED) appointments. */
        void noSlotHeldTwice() {
            Map<String, List<String>> liveBySlot = new HashMap<>();
            for (Appt a : world.all().values()) {
                if (LIVE.contains(a.status)) {
                    liveBySlot.computeIfAbsent(a.slotId, k -> new ArrayList<>()).add(a.id + " " + a.status);
                }
            }
            count("no slot held by two live appointments (slots)", liveBySlot.size());
            liveBySlot.forEach((slot, live) -> {
                if (live.size() > 1) {
                    violation("slot held by two live appointments", "slot " + slot + ": " + live);
                }
            });
        }

        /** Each appointment: both parties see it, alike; its status is its history's end; its history follows the life cycle. */
        void oneConsistentState() {
            Map<String, Appt> all = world.all();
            count("one consistent state, seen alike by both parties (appointments)", all.size());
            for (Appt a : all.values()) {
                Appt asPatient = world.byPatient.get(a.id);
                Appt asDoctor = world.byDoctor.get(a.id);
                if (asDoctor == null && world.participants.containsKey(a.doctorId)) {
                    violation("appointment visible to one party only", a.id + " (" + a.status + ") missing from its doctor's myAppointments");
                }
                if (asPatient == null && world.participants.containsKey(a.patientId)) {
                    violation("appointment visible to one party only", a.id + " (" + a.status + ") missing from its patient's myAppointments");
                }
                if (asPatient != null && asDoctor != null
                        && (!asPatient.status.equals(asDoctor.status) || !asPatient.history.equals(asDoctor.history))) {
                    violation("parties see different states", a.id + ": patient " + asPatient.history + ", doctor " + asDoctor.history);
                }
                if (a.history.isEmpty() || !a.history.get(a.history.size() - 1).equals(a.status)) {
                    violation("status is not the history's last step", a.id + ": " + a.status + " after " + a.history);
                }
                String from = "NONE";
                for (String to : a.history) {
                    if (!STEPS.getOrDefault(from, Set.of()).contains(to)) {
                        violation("history breaks the life cycle", a.id + ": " + from + " -> " + to + " in " + a.history);
                    }
                    from = to;
                }
            }
        }

        /** What the driver was told happened is in the committed history. */
        void acknowledgedChangesKept() {
            Map<String, Appt> all = world.all();
            count("acknowledged changes kept (acknowledgements)",
                    ledger.booked.size() + ledger.accepted.size() + ledger.rejected.size() + ledger.cancelled.size());
            ledger.booked.forEach((id, booking) -> {
                Appt a = world.byPatient.get(id);
                if (a == null) {
                    violation("acknowledged change lost", "booking " + id + " of slot " + booking.slotId + " missing from the patient's myAppointments");
                } else if (!a.slotId.equals(booking.slotId)) {
                    violation("acknowledged change lost", "booking " + id + " is on slot " + a.slotId + ", not " + booking.slotId);
                }
            });
            expect(all, ledger.accepted, "accepted", a -> a.history.contains("CONFIRMED"));
            expect(all, ledger.rejected, "rejected", a -> a.status.equals("REJECTED"));
            expect(all, ledger.cancelled, "cancelled", a -> a.status.equals("CANCELLED"));
            for (String id : ledger.rejected) {
                if (ledger.cancelled.contains(id) || ledger.accepted.contains(id)) {
                    violation("two exclusive answers both acknowledged", id + " was rejected and also "
                            + (ledger.cancelled.contains(id) ? "cancelled" : "accepted"));
                }
            }
        }

        private void expect(Map<String, Appt> all, Set<String> ids, String what, java.util.function.Predicate<Appt> holds) {
            for (String id : ids) {
                Appt a = all.get(id);
                if (a == null || !holds.test(a)) {
                    violation("acknowledged change lost", what + " " + id + " but committed: " + (a == null ? "nothing" : a.history));
                }
            }
        }

        /** The doctor's agenda shows each live appointment on its slot and nothing else; no removed slot keeps one; no hold without an appointment outlives the grace. */
        void agendasAgree() {
            Map<String, Appt> all = world.all();
            Map<String, AgendaSlot> slots = new HashMap<>();
            world.agendas.values().forEach(list -> list.forEach(s -> slots.put(s.id, s)));
            count("agendas agree with appointments (slots)", slots.size());
            for (Appt a : all.values()) {
                if (!LIVE.contains(a.status)) {
                    continue;
                }
                AgendaSlot slot = slots.get(a.slotId);
                if (slot == null) {
                    violation("live appointment on a slot missing from the agenda", a.id + " (" + a.status + ") on slot " + a.slotId
                            + (ledger.removed.contains(a.slotId) ? ", whose removal was acknowledged" : ""));
                } else if (!a.id.equals(slot.appointmentId) || slot.available) {
                    violation("agenda disagrees with the appointment", "slot " + slot.id + " shows " + slot.appointmentId
                            + (slot.available ? " (available)" : "") + ", but " + a.id + " is " + a.status);
                }
            }
            for (AgendaSlot slot : slots.values()) {
                if (slot.appointmentId != null && (all.get(slot.appointmentId) == null || !LIVE.contains(all.get(slot.appointmentId).status))) {
                    violation("agenda disagrees with the appointment", "slot " + slot.id + " shows " + slot.appointmentId + " "
                            + slot.appointmentStatus + ", committed " + (all.get(slot.appointmentId) == null ? "nothing" : all.get(slot.appointmentId).status));
                }
                if (!slot.available && slot.appointmentId == null) {
                    violation("hold without appointment after the grace", "slot " + slot.id);
                }
            }
            for (String removed : ledger.removed) {
                if (slots.containsKey(removed)) {
                    violation("acknowledged change lost", "removed slot " + removed + " is still in the agenda");
                }
            }
        }

        /** Each hold the crash orphaned was taken over after the grace: a racer or a newcomer booked it. */
        void orphansTakenOver(Map<String, String> takeOvers) {
            count("orphaned holds taken over (holds)", takeOvers.size());
            takeOvers.forEach((slot, answer) -> {
                if (answer.startsWith("OK")) {
                    orphansTakenOver++;
                } else {
                    violation("orphaned hold not taken over after the grace", "slot " + slot + ": booking it answered " + answer);
                }
            });
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Appointment events over graphql-ws

    record Event(String id, String kind, String appointmentId, String status) {}

    static final class Events {
        private final Config config;
        private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, daemon("ws-reconnect"));
        final List<Stream> streams = new ArrayList<>();
        final Map<String, String> replayResults = new TreeMap<>();

        Events(Config config) {
            this.config = config;
        }

        void subscribeAll(Api api, List<Participant> who) throws InterruptedException {
            for (Participant p : who) {
                // as a client should: subscribe after the log's cursor, so a break before the first event
                // resumes from it (without after, the changes between the break and the resubscription are lost)
                String cursor = (String) api.call("appointmentEventsCursor", p.token, EVENTS_CURSOR, map(), rnd(2))
                        .require("appointmentEventsCursor");
                Stream stream = new Stream(p, cursor, p.number % 2, true);
                streams.add(stream);
                stream.connect();
            }
            for (Stream stream : streams) {
                if (!stream.ready.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("subscription of " + stream.who.label() + " not ready: " + stream.problems);
                }
            }
        }

        /** What each subscribed participant should have heard: every step of each of their appointments booked after they subscribed. */
        Map<Stream, List<Event>> expected(World world) {
            Map<Stream, List<Event>> expected = new LinkedHashMap<>();
            for (Stream s : streams) {
                List<Event> list = new ArrayList<>();
                Map<String, Appt> theirs = s.who.role.equals("doctor") ? world.byDoctor : world.byPatient;
                for (Appt a : theirs.values()) {
                    if ((s.who.id.equals(a.doctorId) || s.who.id.equals(a.patientId)) && a.requestedAt.isAfter(s.readyAt)) {
                        a.history.forEach(status -> list.add(new Event(null, null, a.id, status)));
                    }
                }
                expected.put(s, list);
            }
            return expected;
        }

        void awaitAndCheck(World world, Invariants invariants, Config config) throws InterruptedException {
            Map<Stream, List<Event>> expected = expected(world);
            Instant deadline = Instant.now().plusSeconds(config.eventsWaitSeconds);
            while (Instant.now().isBefore(deadline) && !expected.entrySet().stream().allMatch(e -> e.getKey().hasAll(e.getValue()))) {
                Thread.sleep(500);
            }
            long total = 0;
            for (Map.Entry<Stream, List<Event>> e : expected.entrySet()) {
                Stream s = e.getKey();
                total += e.getValue().size();
                s.check(e.getValue(), world, invariants);
            }
            invariants.count("every change in both participants' event streams, once (events)", total);
            replay(invariants);
        }

        /** A new subscription with after: the first event received must replay exactly what came live after it. */
        private void replay(Invariants invariants) throws InterruptedException {
            long compared = 0;
            for (Stream live : streams) {
                List<Event> received = live.snapshot();
                if (received.isEmpty()) {
                    continue;
                }
                List<Event> rest = received.subList(1, received.size());
                Stream replay = new Stream(live.who, received.get(0).id, rnd(2), false);
                replay.connect();
                Instant deadline = Instant.now().plusSeconds(15);
                while (Instant.now().isBefore(deadline) && replay.snapshot().size() < rest.size()) {
                    Thread.sleep(100);
                }
                Thread.sleep(300); // anything beyond would be an extra event
                replay.close();
                // what came live meanwhile came to the replay too: compare with the live stream as it is now
                List<Event> liveNow = live.snapshot();
                List<String> want = liveNow.subList(1, liveNow.size()).stream().map(Event::id).collect(Collectors.toList());
                List<String> got = replay.snapshot().stream().map(Event::id).collect(Collectors.toList());
                compared += want.size();
                if (!want.equals(got)) {
                    invariants.violation("replay differs from what was received live", live.who.label() + ": live " + want.size()
                            + " events after the first, replay " + got.size() + (replay.problems.isEmpty() ? "" : " " + replay.problems));
                }
            }
            invariants.count("replay with after: equals the live stream (events)", compared);
        }

        void closeAll() {
            streams.forEach(Stream::close);
            scheduler.shutdownNow();
        }

        int reconnectsTotal() {
            return streams.stream().mapToInt(s -> s.reconnects).sum();
        }

        Map<String, Long> subscriptionErrors() {
            Map<String, Long> codes = new TreeMap<>();
            streams.forEach(s -> s.errorCodes.forEach(c -> codes.merge(c, 1L, Long::sum)));
            return codes;
        }

        /**
         * One participant's subscription; when it breaks it resubscribes with after: the last id received,
         * on the other instance. Each attempt is a {@link Connection} of its own, and only the current one
         * may deliver events or start the next: a broken connection often reports itself twice (an error
         * message, then its close), and two resubscriptions would each deliver every event.
         */
        final class Stream {
            final Participant who;
            final boolean resume;
            final CountDownLatch ready = new CountDownLatch(1);
            final List<Event> received = new ArrayList<>();
            final List<String> problems = Collections.synchronizedList(new ArrayList<>());
            final List<String> errorCodes = Collections.synchronizedList(new ArrayList<>());
            volatile Instant readyAt;
            volatile String after;
            volatile int instance;
            volatile boolean closed;
            volatile int reconnects;
            private Connection current;

            Stream(Participant who, String after, int instance, boolean resume) {
                this.who = who;
                this.after = after;
                this.instance = instance;
                this.resume = resume;
            }

            synchronized void connect() {
                if (closed) {
                    return;
                }
                Connection connection = new Connection();
                current = connection;
                URI uri = URI.create(config.instances.get(instance).toString().replaceFirst("^http", "ws") + "/graphql");
                client.newWebSocketBuilder().subprotocols("graphql-transport-ws").buildAsync(uri, connection)
                        .whenComplete((ws, failure) -> {
                            if (failure != null) {
                                broken(connection, "connect: " + failure.getClass().getSimpleName());
                            }
                        });
            }

            private synchronized boolean isCurrent(Connection connection) {
                return connection == current && !closed;
            }

            /** The stream broke (instance killed or stopped, storage away): resubscribe after a second, elsewhere, from the last event. */
            private void broken(Connection connection, String why) {
                synchronized (this) {
                    if (connection != current || closed) {
                        return; // an earlier connection, already replaced
                    }
                    current = null;
                    problems.add(why);
                }
                connection.abort();
                if (resume) {
                    reconnects++;
                    instance = 1 - instance;
                    reconnectLater(this);
                }
            }

            private void event(Connection connection, Map<?, ?> payload) {
                Map<?, ?> data = (Map<?, ?>) payload.get("data");
                Map<?, ?> event = data == null ? null : (Map<?, ?>) data.get("appointmentEvents");
                if (payload.get("errors") != null) {
                    for (Object error : (List<?>) payload.get("errors")) {
                        errorCodes.add(code((Map<?, ?>) error));
                    }
                }
                if (event != null && isCurrent(connection)) {
                    synchronized (received) {
                        received.add(new Event((String) event.get("id"), (String) event.get("kind"), (String) event.get("appointmentId"), (String) event.get("status")));
                    }
                    after = (String) event.get("id");
                }
            }

            /** One WebSocket connection of the stream: graphql-transport-ws, the events subscription and a readiness round trip. */
            final class Connection implements WebSocket.Listener {
                private volatile WebSocket socket;
                private final StringBuilder partial = new StringBuilder();
                private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);

                @Override
                public void onOpen(WebSocket webSocket) {
                    socket = webSocket;
                    send(Json.write(map("type", "connection_init", "payload", map("Authorization", "Bearer " + who.token))));
                    webSocket.request(1);
                }

                @Override
                public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                    partial.append(data);
                    if (last) {
                        String message = partial.toString();
                        partial.setLength(0);
                        try {
                            handle((Map<?, ?>) Json.parse(message));
                        } catch (RuntimeException unexpected) {
                            broken(this, "unreadable message: " + unexpected);
                        }
                    }
                    webSocket.request(1);
                    return null;
                }

                private void handle(Map<?, ?> message) {
                    Object id = message.get("id");
                    switch (String.valueOf(message.get("type"))) {
                        case "connection_ack" -> {
                            send(Json.write(map("id", "events", "type", "subscribe", "payload", map("query", EVENTS, "variables", map("after", after)))));
                            // a round trip on the same connection: once it answers, the subscription is live
                            send(Json.write(map("id", "ready", "type", "subscribe", "payload", map("query", "{ me { id } }"))));
                        }
                        case "ping" -> send("{\"type\":\"pong\"}");
                        case "next" -> {
                            if ("ready".equals(id)) {
                                if (readyAt == null) {
                                    readyAt = Instant.now();
                                }
                                ready.countDown();
                            } else {
                                event(this, (Map<?, ?>) message.get("payload"));
                            }
                        }
                        case "error" -> {
                            for (Object error : (List<?>) message.get("payload")) {
                                errorCodes.add(code((Map<?, ?>) error));
                            }
                            broken(this, "error " + message.get("payload"));
                        }
                        case "complete" -> {
                            if ("events".equals(id)) {
                                broken(this, "completed");
                            }
                        }
                        default -> { }
                    }
                }

                @Override
                public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                    broken(this, "closed " + statusCode);
                    return null;
                }

                @Override
                public void onError(WebSocket webSocket, Throwable error) {
                    broken(this, "error: " + error.getClass().getSimpleName());
                }

                private synchronized void send(String text) {
                    WebSocket ws = socket;
                    sending = sending.handle((x, e) -> null).thenCompose(x -> ws.sendText(text, true));
                }

                void abort() {
                    WebSocket ws = socket;
                    if (ws != null) {
                        ws.abort();
                    }
                }
            }

            boolean hasAll(List<Event> expected) {
                Set<String> have = snapshot().stream().map(e -> e.appointmentId + "/" + e.status).collect(Collectors.toSet());
                return expected.stream().allMatch(e -> have.contains(e.appointmentId + "/" + e.status));
            }

            List<Event> snapshot() {
                synchronized (received) {
                    return new ArrayList<>(received);
                }
            }

            /** Every expected step heard once, nothing of anyone else's appointments, steps of one appointment in history order. */
            void check(List<Event> expected, World world, Invariants invariants) {
                List<Event> got = snapshot();
                Map<String, Integer> seen = new HashMap<>();
                Set<String> ids = new HashSet<>();
                Map<String, List<String>> order = new HashMap<>();
                Map<String, Appt> theirs = who.role.equals("doctor") ? world.byDoctor : world.byPatient;
                for (Event e : got) {
                    if (!ids.add(e.id)) {
                        invariants.violation("event delivered twice", who.label() + ": event id " + e.id);
                    }
                    seen.merge(e.appointmentId + "/" + e.status, 1, Integer::sum);
                    order.computeIfAbsent(e.appointmentId, k -> new ArrayList<>()).add(e.status);
                    if (!theirs.containsKey(e.appointmentId)) {
                        invariants.violation("event of someone else's appointment", who.label() + ": " + e);
                    }
                }
                for (Event e : expected) {
                    int n = seen.getOrDefault(e.appointmentId + "/" + e.status, 0);
                    if (n == 0) {
                        invariants.violation("change missing from an event stream", who.label() + ": " + e.appointmentId + " " + e.status);
                    } else if (n > 1) {
                        invariants.violation("event delivered twice", who.label() + ": " + e.appointmentId + " " + e.status + " x" + n);
                    }
                }
                order.forEach((appointment, statuses) -> {
                    Appt a = theirs.get(appointment);
                    if (a != null && a.requestedAt.isAfter(readyAt) && !statuses.equals(a.history)) {
                        invariants.violation("events out of history order", who.label() + ": " + appointment + " heard " + statuses + ", history " + a.history);
                    }
                });
            }

            void close() {
                Connection connection;
                synchronized (this) {
                    closed = true;
                    connection = current;
                    current = null;
                }
                if (connection != null) {
                    connection.abort();
                }
            }
        }

        private void reconnectLater(Stream stream) {
            scheduler.schedule(stream::connect, 1, TimeUnit.SECONDS);
        }
    }

    static String code(Map<?, ?> error) {
        Object extensions = error.get("extensions");
        Object code = extensions instanceof Map ? ((Map<?, ?>) extensions).get("code") : null;
        return code == null ? "NO_CODE" : code.toString();
    }

    // ------------------------------------------------------------------------------------------------
    // Talking to the instances, with a client's retries, recording every attempt

    record Outcome(String code, long latencyMs, Map<?, ?> data, Map<?, ?> extensions) {
        boolean ok() {
            return code.equals("OK");
        }

        Object require(String field) {
            if (!ok()) {
                throw new IllegalStateException(field + " failed: " + code + " " + extensions);
            }
            return data.get(field);
        }
    }

    /** One request sent; {@code operation} numbers the client's operation its retries belong to, {@code subject} is what it was about. */
    record Attempt(long operation, String op, int instance, long startMs, long latencyMs, String code, String subject) {
        /** The client gave up or could not connect: no answer came from the service (so it is not a slow answer). */
        static final Set<String> UNANSWERED = Set.of("CLIENT_TIMEOUT", "CONNECT_TIMEOUT", "CONNECTION_REFUSED", "IO_ERROR");

        /** An answer of the service that took more than 2 s (the resilience issue's bound). */
        boolean slowAnswer() {
            return latencyMs > 2000 && !UNANSWERED.contains(code);
        }
    }

    /** One operation as the client saw it: its last answer after the retries, and how long it took in all. */
    record Final(String op, String code, long totalMs, int attempts) {}

    static final class Recorder {
        final ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Final> finals = new ConcurrentLinkedQueue<>();

        long count(String code) {
            return attempts.stream().filter(a -> a.code.equals(code)).count();
        }
    }

    static final class Api {
        private final Config config;
        private final Recorder recorder;
        private final HttpClient http;
        private final AtomicLong operations = new AtomicLong();

        Api(Config config, Recorder recorder) {
            this.config = config;
            this.recorder = recorder;
            this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2))
                    .executor(Executors.newFixedThreadPool(8, daemon("http"))).build();
        }

        /**
         * Sends the operation to instance {@code first}; while the answer is one a client retries, sends it
         * again, alternating instances, after a backoff (the server's retryAfterSeconds when it says so,
         * capped at 2 s: the budget is short), until {@code retry-budget-ms} is spent.
         */
        Outcome call(String op, String token, String query, Map<String, Object> variables, int first) {
            long operation = operations.incrementAndGet();
            // the slot or appointment, and the idempotency key: enough to follow one booking through its retries
            String subject = Objects.toString(variables.getOrDefault("s", variables.getOrDefault("id", "")), "")
                    + (variables.containsKey("k") ? " " + variables.get("k") : "");
            long start = System.nanoTime();
            long deadline = start + TimeUnit.MILLISECONDS.toNanos(config.retryBudgetMs);
            String body = Json.write(map("query", query, "variables", variables));
            for (int attempt = 0; ; attempt++) {
                Outcome outcome = once(operation, op, subject, token, body, (first + attempt) % 2);
                if (!RETRYABLE.contains(outcome.code) || System.nanoTime() > deadline) {
                    recorder.finals.add(new Final(op, outcome.code, (System.nanoTime() - start) / 1_000_000, attempt + 1));
                    return outcome;
                }
                sleep(backoff(outcome, attempt));
            }
        }

        /**
         * The verification code e-mailed to {@code email}, from the local mailer's outbox of whichever
         * instance sent it (GET /dev/mailbox, local profile); the e-mail leaves after registration
         * answered, so this asks again for a while.
         */
        /** The code, or a code that is no code when none came (the registration died half-way: start over). */
        String verificationCodeOrNone(String email) {
            try {
                return verificationCode(email);
            } catch (IllegalStateException none) {
                return "0000-0000";
            }
        }

        String verificationCode(String email) {
            java.util.regex.Pattern code = java.util.regex.Pattern.compile("\\b(\\d{4}-\\d{4})\\b");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                for (URI instance : config.instances) {
                    try {
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(instance + "/dev/mailbox?to="
                                + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8)))
                                .timeout(Duration.ofMillis(config.attemptTimeoutMs)).GET().build(), HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() == 200 && Json.parse(response.body()) instanceof List<?> mails) {
                            for (Object mail : mails) {
                                java.util.regex.Matcher found = code.matcher(String.valueOf(((Map<?, ?>) mail).get("text")));
                                if (String.valueOf(((Map<?, ?>) mail).get("subject")).startsWith("Confirme seu e-mail") && found.find()) {
                                    return found.group(1);
                                }
                            }
                        }
                    } catch (IOException down) {
                        // this instance is down or slow (a fault window): ask the other one
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                }
                sleep(200);
            }
            throw new IllegalStateException("no verification code for " + email + " at /dev/mailbox within 30 s");
        }

        private long backoff(Outcome outcome, int attempt) {
            Object retryAfter = outcome.extensions == null ? null : outcome.extensions.get("retryAfterSeconds");
            long suggested = retryAfter instanceof Number ? ((Number) retryAfter).longValue() * 1000 : 200L << Math.min(attempt, 3);
            return Math.min(2000, suggested) / 2 + ThreadLocalRandom.current().nextLong(Math.min(2000, suggested) / 2 + 1);
        }

        private Outcome once(long operation, String op, String subject, String token, String body, int instance) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(config.instances.get(instance) + "/graphql"))
                    .timeout(Duration.ofMillis(config.attemptTimeoutMs))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            long startMs = System.currentTimeMillis();
            long start = System.nanoTime();
            Outcome outcome;
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                outcome = parse(response, (System.nanoTime() - start) / 1_000_000);
            } catch (HttpTimeoutException e) {
                outcome = new Outcome(e instanceof java.net.http.HttpConnectTimeoutException ? "CONNECT_TIMEOUT" : "CLIENT_TIMEOUT",
                        (System.nanoTime() - start) / 1_000_000, null, null);
            } catch (ConnectException e) {
                outcome = new Outcome("CONNECTION_REFUSED", (System.nanoTime() - start) / 1_000_000, null, null);
            } catch (IOException e) {
                outcome = new Outcome("IO_ERROR", (System.nanoTime() - start) / 1_000_000, null, null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            recorder.attempts.add(new Attempt(operation, op, instance, startMs, outcome.latencyMs, outcome.code, subject));
            return outcome;
        }

        private static Outcome parse(HttpResponse<String> response, long latencyMs) {
            Object parsed;
            try {
                parsed = Json.parse(response.body());
            } catch (RuntimeException notJson) {
                return new Outcome(response.statusCode() >= 500 ? "HTTP_5XX" : "HTTP_" + response.statusCode(), latencyMs, null, null);
            }
            if (!(parsed instanceof Map)) {
                return new Outcome("HTTP_" + response.statusCode(), latencyMs, null, null);
            }
            Map<?, ?> json = (Map<?, ?>) parsed;
            Map<?, ?> data = json.get("data") instanceof Map ? (Map<?, ?>) json.get("data") : Map.of();
            List<?> errors = json.get("errors") instanceof List ? (List<?>) json.get("errors") : List.of();
            if (errors.isEmpty()) {
                return new Outcome(response.statusCode() == 200 ? "OK" : "HTTP_" + response.statusCode(), latencyMs, data, null);
            }
            Map<?, ?> first = (Map<?, ?>) errors.get(0);
            Map<?, ?> extensions = first.get("extensions") instanceof Map ? (Map<?, ?>) first.get("extensions") : Map.of();
            return new Outcome(code(first), latencyMs, data, extensions);
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Fault windows, as scripts/chaos logs them: "<epoch ms> start|end <name>"

    record Window(String name, long startMs, long endMs) {}

    static final class Faults {
        private final Path log;

        Faults(Path log) {
            this.log = log;
        }

        java.util.Optional<Instant> startOf(String name) {
            return windows().stream().filter(w -> w.name.equals(name)).findFirst().map(w -> Instant.ofEpochMilli(w.startMs));
        }

        List<Window> windows() {
            List<Window> windows = new ArrayList<>();
            Map<String, Long> open = new HashMap<>();
            List<String> lines;
            try {
                lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
            } catch (IOException e) {
                return windows;
            }
            for (String line : lines) {
                String[] parts = line.trim().split(" ");
                if (parts.length != 3) {
                    continue;
                }
                long at = Long.parseLong(parts[0]);
                if (parts[1].equals("start")) {
                    open.put(parts[2], at);
                } else if (open.containsKey(parts[2])) {
                    windows.add(new Window(parts[2], open.remove(parts[2]), at));
                }
            }
            open.forEach((name, at) -> windows.add(new Window(name, at, Long.MAX_VALUE)));
            windows.sort((x, y) -> Long.compare(x.startMs, y.startMs));
            return windows;
        }
    }

    // ------------------------------------------------------------------------------------------------
    // The report

    static final class Report {
        private final Config config;
        private final Recorder recorder;
        private final List<Window> windows;
        private final Invariants invariants;
        private final World world;
        private final Ledger ledger;
        private final int rounds;
        private final OrphanWatch orphans;
        private final Events events;
        private final Instant racesEnded;

        Report(Config config, Recorder recorder, List<Window> windows, Invariants invariants, World world, Ledger ledger, int rounds,
               OrphanWatch orphans, Events events, Instant racesEnded) {
            this.config = config;
            this.recorder = recorder;
            this.windows = windows;
            this.invariants = invariants;
            this.world = world;
            this.ledger = ledger;
            this.rounds = rounds;
            this.orphans = orphans;
            this.events = events;
            this.racesEnded = racesEnded;
        }

        String render() {
            StringBuilder out = new StringBuilder();
            List<Attempt> attempts = new ArrayList<>(recorder.attempts);
            long violations = invariants.violations.values().stream().mapToLong(List::size).sum();
            Map<String, Long> statuses = world.all().values().stream().collect(Collectors.groupingBy(Appt::status, TreeMap::new, Collectors.counting()));
            out.append(String.format(Locale.ROOT, "%d patients, %d hot doctors with %d new slots per round, %d rounds; %d subscriptions "
                            + "(doctors and %d patients). %d request attempts, %d operations; invariant violations: **%d**; "
                            + "INTERNAL_ERROR answers: **%d**; answers slower than 2 s: %d; attempts the client gave up on at its %d ms "
                            + "timeout (then retried on the other instance): %d.%n%n",
                    config.patients, config.doctors, config.slots, rounds, events.streams.size(), events.streams.size() - config.doctors,
                    attempts.size(), recorder.finals.size(), violations, recorder.count("INTERNAL_ERROR"),
                    attempts.stream().filter(Attempt::slowAnswer).count(), config.attemptTimeoutMs,
                    attempts.stream().filter(a -> a.code.equals("CLIENT_TIMEOUT")).count()));
            out.append(String.format(Locale.ROOT, "Committed: %d slots published, %d appointments %s; acknowledged: %d bookings, %d accepts, "
                            + "%d rejections, %d cancellations, %d slot removals.%n%n",
                    ledger.published.size(), world.all().size(), statuses, ledger.booked.size(), ledger.accepted.size(),
                    ledger.rejected.size(), ledger.cancelled.size(), ledger.removed.size()));

            out.append("Every request attempt, by operation (latency of one attempt; a client's retries are separate attempts):\n\n");
            out.append("| operation | attempts | OK | answers other than OK | p50 ms | p99 ms | worst ms |\n| --- | --- | --- | --- | --- | --- | --- |\n");
            Map<String, List<Attempt>> byOp = attempts.stream().collect(Collectors.groupingBy(Attempt::op, TreeMap::new, Collectors.toList()));
            byOp.forEach((op, list) -> out.append(row(op, list)));
            out.append(row("**all**", attempts)).append('\n');

            List<Attempt> slow = attempts.stream().filter(Attempt::slowAnswer).collect(Collectors.toList());
            if (!slow.isEmpty()) {
                out.append("Answers that took longer than 2 s, by operation and answer:\n\n| operation | answers |\n| --- | --- |\n");
                slow.stream().collect(Collectors.groupingBy(Attempt::op, TreeMap::new, Collectors.toList())).forEach((op, list) ->
                        out.append("| ").append(op).append(" | ").append(codes(list.stream().map(a -> a.code.equals("OK") ? "answered OK" : a.code)
                                .collect(Collectors.toList()))).append(" |\n"));
                out.append('\n');
            }

            out.append("What clients were left with after their retries (same idempotency key, other instance, within ")
                    .append(config.retryBudgetMs / 1000).append(" s):\n\n");
            out.append("| operation | operations | final answers | worst total ms |\n| --- | --- | --- | --- |\n");
            Map<String, List<Final>> finals = recorder.finals.stream().collect(Collectors.groupingBy(Final::op, TreeMap::new, Collectors.toList()));
            finals.forEach((op, list) -> out.append(String.format(Locale.ROOT, "| %s | %d | %s | %d |%n", op, list.size(),
                    codes(list.stream().map(Final::code).collect(Collectors.toList())), list.stream().mapToLong(Final::totalMs).max().orElse(0))));
            out.append('\n');

            out.append("By fault window (attempts in flight at any time within it, so those cut by a kill count there; `steady` is every other attempt, set-up and checks included):\n\n");
            out.append("| window | seconds | attempts | OK | answers other than OK | p99 ms | worst ms | answers slower than 2 s |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n");
            Map<String, List<Attempt>> byWindow = new LinkedHashMap<>();
            windows.forEach(w -> byWindow.put(w.name, new ArrayList<>()));
            byWindow.put("steady", new ArrayList<>());
            for (Attempt a : attempts) {
                String name = windows.stream().filter(w -> a.startMs <= w.endMs && a.startMs + a.latencyMs >= w.startMs)
                        .map(Window::name).findFirst().orElse("steady");
                byWindow.get(name).add(a);
            }
            byWindow.forEach((name, list) -> {
                Window w = windows.stream().filter(x -> x.name.equals(name)).findFirst().orElse(null);
                String seconds = w == null ? "" : w.endMs == Long.MAX_VALUE ? "open" : String.format(Locale.ROOT, "%.1f", (w.endMs - w.startMs) / 1000.0);
                List<Long> latencies = list.stream().map(Attempt::latencyMs).sorted().collect(Collectors.toList());
                out.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %s | %d | %d | %d |%n", name, seconds, list.size(),
                        list.stream().filter(a -> a.code.equals("OK")).count(), codes(list.stream().map(Attempt::code).collect(Collectors.toList())),
                        percentile(latencies, 99), latencies.isEmpty() ? 0 : latencies.get(latencies.size() - 1),
                        list.stream().filter(Attempt::slowAnswer).count()));
            });
            out.append('\n');

            out.append(String.format(Locale.ROOT, "Events: %d subscriptions, %d resubscriptions after a break (with `after:`), errors on "
                    + "the streams: %s. Orphaned holds (taken, no appointment) found after each fault: %s; taken over after the %d s grace: %d of %d.%n%n",
                    events.streams.size(), events.reconnectsTotal(), events.subscriptionErrors().isEmpty() ? "none" : events.subscriptionErrors(),
                    new TreeMap<>(orphans.byFault()).entrySet().stream().map(e -> e.getKey() + " " + e.getValue().size()).collect(Collectors.joining(", ")),
                    config.graceSeconds, invariants.orphansTakenOver, orphans.suspects().size()));

            out.append("Invariants checked from the committed history:\n\n| invariant | checked | violations |\n| --- | --- | --- |\n");
            invariants.checked.forEach((name, n) -> out.append(String.format(Locale.ROOT, "| %s | %d | |%n", name, n)));
            invariants.violations.forEach((name, list) -> {
                out.append(String.format(Locale.ROOT, "| **%s** | | **%d** |%n", name, list.size()));
            });
            if (!invariants.violations.isEmpty()) {
                out.append("\nViolations (at most 10 of each):\n\n");
                invariants.violations.forEach((name, list) -> list.stream().limit(10).forEach(v -> out.append("- ").append(name).append(": ").append(v).append('\n')));
            }
            return out.toString();
        }

        private static String row(String op, List<Attempt> list) {
            List<Long> latencies = list.stream().map(Attempt::latencyMs).sorted().collect(Collectors.toList());
            return String.format(Locale.ROOT, "| %s | %d | %d | %s | %d | %d | %d |%n", op, list.size(), list.stream().filter(a -> a.code.equals("OK")).count(),
                    codes(list.stream().map(Attempt::code).collect(Collectors.toList())), percentile(latencies, 50), percentile(latencies, 99),
                    latencies.isEmpty() ? 0 : latencies.get(latencies.size() - 1));
        }

        /** "SLOT_UNAVAILABLE 310, CLIENT_TIMEOUT 2", OK left out. */
        private static String codes(Collection<String> codes) {
            Map<String, Long> counts = codes.stream().filter(c -> !c.equals("OK")).collect(Collectors.groupingBy(c -> c, TreeMap::new, Collectors.counting()));
            return counts.isEmpty() ? "—" : counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        }

        private static long percentile(List<Long> sorted, int p) {
            if (sorted.isEmpty()) {
                return 0;
            }
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)));
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Small helpers

    record Config(List<URI> instances, Path out, int patients, int doctors, int slots, int subscribed, int maxRaceSeconds,
                  long attemptTimeoutMs, long retryBudgetMs, int graceSeconds, int eventsWaitSeconds) {
        static Config parse(String[] args) {
            Map<String, String> a = new HashMap<>();
            for (String arg : args) {
                int eq = arg.indexOf('=');
                a.put(arg.substring(0, eq), arg.substring(eq + 1));
            }
            return new Config(List.of(URI.create(a.get("a")), URI.create(a.get("b"))), Path.of(a.get("out")),
                    Integer.parseInt(a.getOrDefault("patients", "160")), Integer.parseInt(a.getOrDefault("doctors", "3")),
                    Math.min(4, Integer.parseInt(a.getOrDefault("slots", "3"))), Integer.parseInt(a.getOrDefault("subscribed", "24")),
                    Integer.parseInt(a.getOrDefault("max-race-seconds", "300")), Long.parseLong(a.getOrDefault("attempt-timeout-ms", "2000")),
                    Long.parseLong(a.getOrDefault("retry-budget-ms", "30000")), Integer.parseInt(a.getOrDefault("grace-seconds", "20")),
                    Integer.parseInt(a.getOrDefault("events-wait-seconds", "60")));
        }
    }

    interface Check {
        boolean yes();
    }

    interface IntTask<T> {
        Supplier<T> at(int i);
    }

    static <T> List<Supplier<T>> range(int n, IntTask<T> task) {
        List<Supplier<T>> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(task.at(i));
        }
        return list;
    }

    /** Runs the tasks on {@code threads} threads, released together; returns their results in order. */
    static <T> List<T> parallel(int threads, List<Supplier<T>> tasks) throws Exception {
        if (tasks.isEmpty()) {
            return List.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, tasks.size())), daemon("race"));
        CountDownLatch gate = new CountDownLatch(1);
        List<java.util.concurrent.Future<T>> futures = new ArrayList<>();
        for (Supplier<T> task : tasks) {
            futures.add(pool.submit(() -> {
                gate.await();
                return task.get();
            }));
        }
        gate.countDown();
        List<T> results = new ArrayList<>();
        for (java.util.concurrent.Future<T> future : futures) {
            results.add(future.get());
        }
        pool.shutdown();
        return results;
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicLong n = new AtomicLong();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    static <T> T pick(List<T> list) {
        return list.get(ThreadLocalRandom.current().nextInt(list.size()));
    }

    static int rnd(int n) {
        return ThreadLocalRandom.current().nextInt(n);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A map that keeps its order and allows null values (variables that are absent). */
    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static void log(String format, Object... args) {
        System.err.println("chaos " + Instant.now().atOffset(ZoneOffset.UTC).toLocalTime().truncatedTo(ChronoUnit.MILLIS) + " "
                + String.format(Locale.ROOT, format, args));
    }

    /** Just enough JSON for GraphQL requests and answers (no library: this file runs alone). */
    static final class Json {
        private final String s;
        private int i;

        private Json(String s) {
            this.s = s;
        }

        static Object parse(String text) {
            Json json = new Json(text);
            Object value = json.value();
            json.space();
            if (json.i != text.length()) {
                throw new IllegalArgumentException("trailing characters at " + json.i);
            }
            return value;
        }

        static String write(Object value) {
            StringBuilder out = new StringBuilder();
            write(value, out);
            return out.toString();
        }

        private static void write(Object value, StringBuilder out) {
            if (value == null) {
                out.append("null");
            } else if (value instanceof String) {
                out.append('"');
                for (char c : ((String) value).toCharArray()) {
                    switch (c) {
                        case '"' -> out.append("\\\"");
                        case '\\' -> out.append("\\\\");
                        case '\n' -> out.append("\\n");
                        case '\r' -> out.append("\\r");
                        case '\t' -> out.append("\\t");
                        default -> {
                            if (c < 0x20) {
                                out.append(String.format("\\u%04x", (int) c));
                            } else {
                                out.append(c);
                            }
                        }
                    }
                }
                out.append('"');
            } else if (value instanceof Map) {
                out.append('{');
                separated(((Map<?, ?>) value).entrySet(), out, e -> {
                    write(e.getKey().toString(), out);
                    out.append(':');
                    write(e.getValue(), out);
                });
                out.append('}');
            } else if (value instanceof Collection) {
                out.append('[');
                separated((Collection<?>) value, out, item -> write(item, out));
                out.append(']');
            } else {
                out.append(value);
            }
        }

        private static <T> void separated(Collection<T> items, StringBuilder out, java.util.function.Consumer<T> each) {
            boolean first = true;
            for (T item : items) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                each.accept(item);
            }
        }

        private Object value() {
            space();
            char c = s.charAt(i);
            if (c == '{') {
                Map<String, Object> map = new LinkedHashMap<>();
                elements('}', () -> {
                    space();
                    String key = string();
                    space();
                    expect(':');
                    map.put(key, value());
                });
                return map;
            }
            if (c == '[') {
                List<Object> list = new ArrayList<>();
                elements(']', () -> list.add(value()));
                return list;
            }
            if (c == '"') {
                return string();
            }
            if (s.startsWith("true", i)) {
                i += 4;
                return Boolean.TRUE;
            }
            if (s.startsWith("false", i)) {
                i += 5;
                return Boolean.FALSE;
            }
            if (s.startsWith("null", i)) {
                i += 4;
                return null;
            }
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            if (start == i) {
                throw new IllegalArgumentException("unexpected '" + c + "' at " + i);
            }
            String number = s.substring(start, i);
            return number.matches("-?\\d+") ? (Object) Long.parseLong(number) : (Object) Double.parseDouble(number);
        }

        /** The comma-separated elements after an opening bracket, up to {@code close}, each read by {@code element}. */
        private void elements(char close, Runnable element) {
            i++;
            space();
            if (s.charAt(i) == close) {
                i++;
                return;
            }
            while (true) {
                element.run();
                space();
                if (s.charAt(i) == ',') {
                    i++;
                } else {
                    expect(close);
                    return;
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> out.append(e);
                }
            }
        }

        private void expect(char c) {
            if (i >= s.length() || s.charAt(i) != c) {
                throw new IllegalArgumentException("expected '" + c + "' at " + i);
            }
            i++;
        }

        private void space() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
    }
}
