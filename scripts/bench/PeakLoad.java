// The peak benchmark's load driver (scripts/benchmark-peak; run with `java PeakLoad.java MODE key=value...`,
// no build needed). It never runs inside the service's JVM, and it is split over processes because a process
// may hold at most 20,000 open files here. Three modes:
//
//   setup  urls=http://a,http://b out=DIR pairs=50 idle=100 workers=50 hot=3 hot-slots=20 pair-slots=60
//          Makes every account through the API, as a client would (register, the e-mailed code from
//          /dev/mailbox, consent), publishes slots, uploads one record file per worker patient, and
//          writes DIR/accounts.tsv (role, kind, account id, access token, extra).
//   hold   ws=ws://a/graphql,ws://b/graphql accounts=DIR/accounts.tsv count=N rate=R first=K stop=FILE out=FILE
//          Opens N graphql-ws connections at R/s (round-robin over the instances, sockets K.. of the
//          idle accounts' tokens, several sockets per account), each authenticated at connection_init and
//          subscribed to appointmentEvents, holds them until FILE exists, then writes one RESULT line:
//          connect latency (from the instant each socket was due to its connection_ack), failures, sockets
//          that closed while held.
//   work   urls=... ws=... accounts=... rate=500 changes=100 warmup=10 capacity=4 duration=60 drain=15 out=FILE
//          With the holders' sockets held: (1) a closed-loop warm-up of the mixed workload; (2) each read
//          operation, and the ceiling `{ __typename }`, closed-loop for `capacity` seconds (16 in flight),
//          so each is stated as a ratio to the ceiling of the same run; (3) the open-loop mixed workload at
//          `rate`/s and, beside it, `changes`/s appointment changes by the event pairs (patient books, doctor
//          accepts, doctor cancels), each pair's doctor and patient subscribed on different instances.
//          Latency counts from the instant each request was due (no coordinated omission); an event's
//          delivery from the instant its mutation's answer arrived. RESULT lines per operation.
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

public class PeakLoad {

    static final String PASSWORD = "Pico-De-Acesso-2026";
    static final String JUSTIFICATION = "Imprevisto na agenda do consultório.";
    static final String REGISTER_PATIENT = "mutation($i: RegisterPatientInput!) { registerPatient(input: $i) { email } }";
    static final String REGISTER_DOCTOR = "mutation($i: RegisterDoctorInput!) { registerDoctor(input: $i) { accessToken account { id } } }";
    static final String VERIFY_AND_LOGIN = "mutation($e: String!, $c: String!, $p: String!) { verifyEmailAndLogin(email: $e, code: $c, password: $p) { ... on AuthPayload { accessToken account { id } } } }";
    static final String LOGIN_PATIENT = "mutation($l: String!, $p: String!) { loginPatient(login: $l, password: $p) { ... on AuthPayload { accessToken account { id } } } }";
    static final String CONSENT_VERSION = "{ teleconsultationConsent { version } }";
    static final String ACCEPT_CONSENT = "mutation($v: String!) { acceptTeleconsultationConsent(version: $v) { version } }";
    static final String PUBLISH = "mutation($s: [NewSlotInput!]!) { publishSlots(slots: $s) { id } }";
    static final String REQUEST_UPLOAD = "mutation($i: RequestFileUploadInput!) { requestFileUpload(input: $i) { fileId uploadUrl uploadHeaders { name value } } }";
    static final String COMPLETE_UPLOAD = "mutation($f: ID!) { completeFileUpload(fileId: $f) { id } }";
    static final String SUBSCRIPTION = "subscription { appointmentEvents { id kind appointmentId status } }";

    static final String CEILING = "{ __typename }";
    static final String SEARCH = "query($f: DoctorSearchFilter!) { searchDoctors(filter: $f, first: 20) { edges { distanceKm consultationPrice { amount currency } "
            + "rating { average count } nextAvailableSlot { slotId start } node { id name crm specialties { code name } } } } }";
    static final String AGENDA = "query($d: ID!, $f: DateTime!, $t: DateTime!) { doctorAgenda(doctorId: $d, from: $f, to: $t) { id start end available } }";
    static final String MY_APPOINTMENTS = "{ myAppointments(first: 20) { edges { node { id status start end doctor { id name } } } } }";
    static final String MY_RECORD = "{ myRecord { files(first: 20) { edges { node { id fileName } } } } }";
    static final String DOWNLOAD = "query($f: ID!) { fileDownload(fileId: $f) { url } }";
    static final String BOOK = "mutation($s: ID!, $k: String!) { bookAppointment(slotId: $s, idempotencyKey: $k) { appointment { id status } } }";
    static final String ACCEPT = "mutation($id: ID!) { acceptAppointment(id: $id) { id status } }";
    static final String CANCEL = "mutation($id: ID!, $j: String!) { cancelAppointment(id: $id, justification: $j) { appointment { id status } } }";

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : Arrays.copyOfRange(args, 1, args.length)) {
            options.put(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        try {
            switch (args[0]) {
                case "setup" -> Setup.run(options);
                case "hold" -> Hold.run(options);
                case "work" -> Work.run(options);
                default -> throw new IllegalArgumentException("mode: setup, hold or work");
            }
        } catch (Exception | Error failed) {
            failed.printStackTrace();
            System.exit(1); // the pools' threads would keep the process alive
        }
        System.exit(0);
    }

    // ------------------------------------------------------------------------------------------------
    // Accounts

    record Account(String role, String kind, String id, String token, String extra) {
        String line() {
            return String.join("\t", role, kind, id, token, extra);
        }

        static Account parse(String line) {
            String[] f = line.split("\t", -1);
            return new Account(f[0], f[1], f[2], f[3], f[4]);
        }
    }

    static List<Account> accounts(String file, String kind) throws IOException {
        return Files.readAllLines(Path.of(file)).stream().filter(l -> !l.isBlank()).map(Account::parse)
                .filter(a -> kind == null || a.kind.equals(kind)).toList();
    }

    static final class Setup {
        static void run(Map<String, String> o) throws Exception {
            Api api = new Api(list(o.get("urls")));
            int pairs = Integer.parseInt(o.getOrDefault("pairs", "50"));
            int idle = Integer.parseInt(o.getOrDefault("idle", "100"));
            int workers = Integer.parseInt(o.getOrDefault("workers", "50"));
            int hot = Integer.parseInt(o.getOrDefault("hot", "3"));
            int hotSlots = Integer.parseInt(o.getOrDefault("hot-slots", "20"));
            int pairSlots = Integer.parseInt(o.getOrDefault("pair-slots", "60"));
            Path out = Path.of(o.get("out"));
            long started = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Callable> jobs = new ArrayList<>();
            for (int i = 0; i < hot; i++) {
                int n = i;
                jobs.add(() -> List.of(doctorWithSlots(api, "hot", n, hotSlots, 0)));
            }
            for (int i = 0; i < pairs; i++) {
                int n = i;
                // a pair's doctor on one instance, its patient on the next: their events cross between instances
                jobs.add(() -> List.of(doctorWithSlots(api, "pair", n, pairSlots, 1 + n % 20), patient(api, "pair", n, false)));
            }
            for (int i = 0; i < workers; i++) {
                int n = i;
                jobs.add(() -> List.of(patient(api, "worker", n, true)));
            }
            for (int i = 0; i < idle; i++) {
                int n = i;
                jobs.add(() -> List.of(patient(api, "idle", n, false)));
            }
            List<CompletableFuture<List<Account>>> made = jobs.stream()
                    .map(job -> CompletableFuture.supplyAsync(() -> {
                        try {
                            return job.call();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }, pool)).toList();
            List<String> lines = new ArrayList<>();
            for (CompletableFuture<List<Account>> accounts : made) {
                accounts.get().forEach(a -> lines.add(a.line()));
            }
            Files.write(out, lines);
            System.out.printf(Locale.ROOT, "RESULT setup accounts=%d seconds=%.1f%n", lines.size(), (System.nanoTime() - started) / 1e9);
        }

        interface Callable {
            List<Account> call() throws Exception;
        }

        /** A doctor with {@code slots} slots an hour apart, from 08:00 UTC {@code daysAhead + 2} days from now. */
        static Account doctorWithSlots(Api api, String kind, int n, int slots, int daysAhead) {
            String crm = (100000 + ThreadLocalRandom.current().nextInt(900_000_000)) + "/SP";
            Map<?, ?> registered = (Map<?, ?>) api.call(n, null, REGISTER_DOCTOR, map("i", map("name", "Dra. Pico " + kind + " " + n, "crm", crm,
                    "password", PASSWORD, "specialties", List.of("CARDIOLOGIA")))).require("registerDoctor");
            String token = (String) registered.get("accessToken");
            Instant first = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(2 + daysAhead, ChronoUnit.DAYS).plus(8, ChronoUnit.HOURS);
            List<String> ids = new ArrayList<>();
            for (int from = 0; from < slots; from += 200) {
                List<Object> input = new ArrayList<>();
                for (int k = from; k < Math.min(slots, from + 200); k++) {
                    input.add(map("start", first.plus(k, ChronoUnit.HOURS).toString()));
                }
                for (Object slot : (List<?>) api.call(n, token, PUBLISH, map("s", input)).require("publishSlots")) {
                    ids.add((String) ((Map<?, ?>) slot).get("id"));
                }
            }
            return new Account("doctor", kind, (String) ((Map<?, ?>) registered.get("account")).get("id"), token, String.join(",", ids));
        }

        /** A patient who may book: registered, e-mail verified (which opens the session), consent accepted; a worker also has one record file. */
        static Account patient(Api api, String kind, int n, boolean withFile) throws Exception {
            String email = "pico." + kind + "." + n + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
            api.call(n, null, REGISTER_PATIENT, map("i", map("name", "Paciente Pico " + n, "email", email,
                    "cpf", cpf(ThreadLocalRandom.current().nextLong(1, 999_999_999)), "password", PASSWORD, "birthDate", "1990-05-17")))
                    .require("registerPatient");
            Answer verified = api.call(n, null, VERIFY_AND_LOGIN, map("e", email, "c", api.verificationCode(email), "p", PASSWORD));
            // a first attempt that timed out may have verified the address: the retry then finds the code used; log in instead
            Map<?, ?> session = "VERIFICATION_CODE_USED".equals(verified.code())
                    ? (Map<?, ?>) api.call(n, null, LOGIN_PATIENT, map("l", email, "p", PASSWORD)).require("loginPatient")
                    : (Map<?, ?>) verified.require("verifyEmailAndLogin");
            String token = (String) session.get("accessToken");
            Map<?, ?> consent = (Map<?, ?>) api.call(n, null, CONSENT_VERSION, map()).require("teleconsultationConsent");
            api.call(n, token, ACCEPT_CONSENT, map("v", consent.get("version"))).require("acceptTeleconsultationConsent");
            String file = "";
            if (withFile) {
                byte[] pdf = new byte[4096];
                byte[] magic = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
                System.arraycopy(magic, 0, pdf, 0, magic.length);
                Arrays.fill(pdf, magic.length, pdf.length, (byte) 'x');
                Map<?, ?> ticket = (Map<?, ?>) api.call(n, token, REQUEST_UPLOAD, map("i", map("fileName", "exame-" + n + ".pdf",
                        "contentType", "application/pdf", "sizeBytes", pdf.length, "category", "EXAM"))).require("requestFileUpload");
                HttpRequest.Builder put = HttpRequest.newBuilder(URI.create((String) ticket.get("uploadUrl"))).timeout(Duration.ofSeconds(30))
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(pdf));
                for (Object header : (List<?>) ticket.get("uploadHeaders")) {
                    Map<?, ?> h = (Map<?, ?>) header;
                    if (!"host".equalsIgnoreCase((String) h.get("name")) && !"content-length".equalsIgnoreCase((String) h.get("name"))) {
                        put.header((String) h.get("name"), (String) h.get("value"));
                    }
                }
                HttpResponse<String> stored = api.http.send(put.build(), HttpResponse.BodyHandlers.ofString());
                if (stored.statusCode() / 100 != 2) {
                    throw new IllegalStateException("upload PUT answered " + stored.statusCode() + ": " + stored.body());
                }
                file = (String) ((Map<?, ?>) api.call(n, token, COMPLETE_UPLOAD, map("f", ticket.get("fileId"))).require("completeFileUpload")).get("id");
            }
            return new Account("patient", kind, (String) ((Map<?, ?>) session.get("account")).get("id"), token, file);
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Held sockets

    static final class Hold {
        static void run(Map<String, String> o) throws Exception {
            List<URI> ws = list(o.get("ws"));
            List<Account> idle = accounts(o.get("accounts"), "idle");
            int count = Integer.parseInt(o.get("count"));
            double rate = Double.parseDouble(o.get("rate"));
            int first = Integer.parseInt(o.getOrDefault("first", "0"));
            Path stop = Path.of(o.get("stop"));
            Path out = Path.of(o.get("out"));
            Sockets sockets = new Sockets(Integer.parseInt(o.getOrDefault("clients", "2")));
            List<Socket> opened = new ArrayList<>();
            long interval = (long) (1e9 / rate);
            long start = System.nanoTime() + 50_000_000L;
            for (int i = 0; i < count; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                int n = first + i;
                // sockets of one account spread over the instances, as one user's devices would be
                Socket socket = new Socket(n, due, null);
                sockets.open(socket, ws.get(n % ws.size()), idle.get(n % idle.size()).token);
                opened.add(socket);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline && opened.stream().anyMatch(s -> s.ackedAt == 0 && s.failure == null)) {
                Thread.sleep(100);
            }
            long openSeconds = System.nanoTime() - start;
            // every connect latency (ms), so the percentiles over all holders can be computed
            Files.write(Path.of(out + ".connect"), opened.stream().filter(s -> s.ackedAt != 0)
                    .map(s -> String.format(Locale.ROOT, "%.2f", (s.ackedAt - s.due) / 1e6)).toList());
            Files.writeString(Path.of(out + ".ready"), summary(opened, openSeconds));
            while (!Files.exists(stop)) {
                Thread.sleep(200);
            }
            long droppedWhileHeld = opened.stream().filter(s -> s.ackedAt != 0 && s.closedAt != 0).count();
            long events = opened.stream().mapToLong(s -> s.events.get()).sum();
            Files.writeString(out, summary(opened, openSeconds) + String.format(Locale.ROOT, " dropped=%d events=%d errors=%s%n",
                    droppedWhileHeld, events, errorCodes(opened)));
            opened.forEach(Socket::close);
        }

        static String summary(List<Socket> opened, long openNanos) {
            List<Long> connect = new ArrayList<>();
            long failed = 0;
            for (Socket s : opened) {
                if (s.ackedAt != 0) {
                    connect.add(s.ackedAt - s.due);
                } else {
                    failed++;
                }
            }
            Collections.sort(connect);
            Map<String, Long> reasons = new TreeMap<>();
            opened.stream().filter(s -> s.ackedAt == 0).forEach(s -> reasons.merge(s.failure == null ? "NO_ACK_IN_60S" : s.failure, 1L, Long::sum));
            return String.format(Locale.ROOT, "RESULT hold sockets=%d acked=%d failed=%d failures=%s open_seconds=%.1f connect_p50_ms=%.1f connect_p99_ms=%.1f connect_max_ms=%.1f",
                    opened.size(), connect.size(), failed, reasons.toString().replace(' ', '_'), openNanos / 1e9, pct(connect, 50), pct(connect, 99),
                    connect.isEmpty() ? 0 : connect.get(connect.size() - 1) / 1e6);
        }

        static String errorCodes(List<Socket> opened) {
            Map<String, Long> codes = new TreeMap<>();
            opened.forEach(s -> s.errors.forEach(c -> codes.merge(c, 1L, Long::sum)));
            return codes.toString().replace(' ', '_');
        }
    }

    /** graphql-ws clients over java.net.http, spread over a few HttpClients (each has one selector thread). */
    static final class Sockets {
        private final List<HttpClient> clients = new ArrayList<>();
        private final AtomicInteger next = new AtomicInteger();

        Sockets(int count) {
            for (int i = 0; i < count; i++) {
                clients.add(HttpClient.newBuilder().executor(Executors.newFixedThreadPool(2)).connectTimeout(Duration.ofSeconds(30)).build());
            }
        }

        void open(Socket socket, URI uri, String token) {
            clients.get(next.getAndIncrement() % clients.size()).newWebSocketBuilder().subprotocols("graphql-transport-ws")
                    .connectTimeout(Duration.ofSeconds(30)).buildAsync(uri, socket.listener(token))
                    .whenComplete((ws, failure) -> {
                        if (failure != null) {
                            socket.fail(failure);
                        } else {
                            socket.ws = ws;
                        }
                    });
        }
    }

    /** One graphql-ws connection with one appointmentEvents subscription. */
    static final class Socket {
        final int number;
        final long due;
        /** (appointment id, status) → the instant the event arrived, for the event pairs' sockets. */
        final Map<String, Long> arrivals;
        final AtomicLong events = new AtomicLong();
        final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        volatile WebSocket ws;
        volatile long ackedAt;
        volatile long closedAt;
        volatile String failure;
        volatile boolean closing;

        Socket(int number, long due, Map<String, Long> arrivals) {
            this.number = number;
            this.due = due;
            this.arrivals = arrivals;
        }

        void fail(Throwable failure) {
            Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            this.failure = cause.getClass().getSimpleName();
        }

        void close() {
            closing = true;
            if (ws != null) {
                ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
            }
        }

        WebSocket.Listener listener(String token) {
            return new WebSocket.Listener() {
                private final StringBuilder text = new StringBuilder();

                @Override
                public void onOpen(WebSocket webSocket) {
                    webSocket.sendText("{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer " + token + "\"}}", true);
                    webSocket.request(1);
                }

                @Override
                public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                    text.append(data);
                    if (last) {
                        String message = text.toString();
                        text.setLength(0);
                        received(webSocket, message);
                    }
                    webSocket.request(1);
                    return null;
                }

                @Override
                public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                    closedAt = System.nanoTime();
                    if (ackedAt == 0 && failure == null) {
                        failure = "CLOSED_" + statusCode;
                    }
                    return null;
                }

                @Override
                public void onError(WebSocket webSocket, Throwable error) {
                    closedAt = System.nanoTime();
                    if (ackedAt == 0) {
                        fail(error);
                    }
                }
            };
        }

        private void received(WebSocket webSocket, String message) {
            if (message.contains("\"connection_ack\"")) {
                ackedAt = System.nanoTime();
                webSocket.sendText("{\"type\":\"subscribe\",\"id\":\"1\",\"payload\":{\"query\":\"" + SUBSCRIPTION + "\"}}", true);
            } else if (message.contains("\"type\":\"next\"")) {
                long at = System.nanoTime();
                events.incrementAndGet();
                if (message.contains("\"errors\"")) {
                    errors.add(code(message));
                } else if (arrivals != null) {
                    Map<?, ?> event = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) Json.parse(message)).get("payload")).get("data")).get("appointmentEvents");
                    arrivals.putIfAbsent(event.get("appointmentId") + " " + event.get("status") + " " + number, at);
                }
            } else if (message.contains("\"type\":\"ping\"")) {
                webSocket.sendText("{\"type\":\"pong\"}", true);
            } else if (message.contains("\"type\":\"error\"")) {
                errors.add(code(message));
            } else if (message.contains("\"type\":\"complete\"") && !closing) {
                errors.add("COMPLETED");
            }
        }
    }

    static String code(String json) {
        int at = json.indexOf("\"code\":\"");
        return at < 0 ? "NO_CODE" : json.substring(at + 8, json.indexOf('"', at + 8));
    }

    // ------------------------------------------------------------------------------------------------
    // The workload

    static final class Work {
        static final int CLOSED_LOOP_IN_FLIGHT = 16;
        static final int MAX_IN_FLIGHT = 2000;

        final Api api;
        final List<Account> hot;
        final List<Account> pairDoctors;
        final List<Account> pairPatients;
        final List<Account> workers;
        /** The hot doctors' slots: what book aims at. */
        final List<String> hotSlots = new ArrayList<>();
        /** Bookings made by the mixed workload, waiting to be cancelled: (patient token, appointment id). */
        final ConcurrentLinkedQueue<String[]> booked = new ConcurrentLinkedQueue<>();

        Work(Api api, List<Account> all) {
            this.api = api;
            this.hot = all.stream().filter(a -> a.kind.equals("hot")).toList();
            this.pairDoctors = all.stream().filter(a -> a.kind.equals("pair") && a.role.equals("doctor")).toList();
            this.pairPatients = all.stream().filter(a -> a.kind.equals("pair") && a.role.equals("patient")).toList();
            this.workers = all.stream().filter(a -> a.kind.equals("worker")).toList();
            hot.forEach(d -> hotSlots.addAll(List.of(d.extra.split(","))));
        }

        /** An operation of the mixed workload: its share of the requests, and how to make one. */
        record Op(String name, double share, Supplier<Request> next) {}

        record Request(String token, String body, String op) {}

        List<Op> mix() {
            Random random = new Random(7);
            Instant from = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(2, ChronoUnit.DAYS);
            Instant to = from.plus(7, ChronoUnit.DAYS);
            List<Account> agendaDoctors = new ArrayList<>(hot);
            agendaDoctors.addAll(pairDoctors);
            return List.of(
                    new Op("searchDoctors (one specialty, 10 km)", 0.30, () -> new Request(worker(random).token, searchBody(random), "search")),
                    new Op("doctorAgenda (7 days)", 0.25, () -> new Request(worker(random).token, body(AGENDA, map("d", agendaDoctors.get(random.nextInt(agendaDoctors.size())).id,
                            "f", from.toString(), "t", to.toString())), "agenda")),
                    new Op("myAppointments", 0.20, () -> new Request(worker(random).token, body(MY_APPOINTMENTS, map()), "appointments")),
                    new Op("bookAppointment (hot doctors)", 0.08, () -> book(random)),
                    new Op("cancelAppointment (own booking)", 0.07, () -> {
                        String[] mine = booked.poll();
                        return mine == null ? book(random) : new Request(mine[0], body(CANCEL, map("id", mine[1], "j", JUSTIFICATION)), "cancel");
                    }),
                    new Op("myRecord files", 0.05, () -> new Request(worker(random).token, body(MY_RECORD, map()), "record")),
                    new Op("fileDownload (URL)", 0.05, () -> {
                        Account w = worker(random);
                        return new Request(w.token, body(DOWNLOAD, map("f", w.extra)), "download");
                    }));
        }

        Request book(Random random) {
            return new Request(worker(random).token, body(BOOK, map("s", hotSlots.get(random.nextInt(hotSlots.size())), "k", UUID.randomUUID().toString())), "book");
        }

        Account worker(Random random) {
            return workers.get(random.nextInt(workers.size()));
        }

        static String searchBody(Random random) {
            String[] specialties = {"CLINICA_MEDICA", "PEDIATRIA", "GINECOLOGIA_OBSTETRICIA", "CARDIOLOGIA", "DERMATOLOGIA", "PSIQUIATRIA"};
            double lat = -23.5505 + (random.nextDouble() * 2 - 1) * 0.072;
            double lon = -46.6333 + (random.nextDouble() * 2 - 1) * 0.078;
            return body(SEARCH, map("f", map("specialty", specialties[random.nextInt(specialties.length)],
                    "near", map("latitude", lat, "longitude", lon), "radiusKm", 10)));
        }

        /** One answered (or failed) request. */
        record Sample(String op, long latencyNanos, String code) {}

        static void run(Map<String, String> o) throws Exception {
            Api api = new Api(list(o.get("urls")));
            List<URI> ws = list(o.get("ws"));
            Work work = new Work(api, accounts(o.get("accounts"), null));
            int rate = Integer.parseInt(o.getOrDefault("rate", "500"));
            int changes = Integer.parseInt(o.getOrDefault("changes", "100"));
            int warmup = Integer.parseInt(o.getOrDefault("warmup", "10"));
            int capacitySeconds = Integer.parseInt(o.getOrDefault("capacity", "4"));
            int duration = Integer.parseInt(o.getOrDefault("duration", "60"));
            int drain = Integer.parseInt(o.getOrDefault("drain", "15"));
            List<String> results = new ArrayList<>();

            // the event pairs' subscriptions: a pair's doctor on one instance, its patient on the other
            Map<String, Long> arrivals = new ConcurrentHashMap<>();
            Sockets sockets = new Sockets(1);
            List<Socket> pairSockets = new ArrayList<>();
            for (int i = 0; i < work.pairDoctors.size(); i++) {
                Socket doctor = new Socket(2 * i, System.nanoTime(), arrivals);
                Socket patient = new Socket(2 * i + 1, System.nanoTime(), arrivals);
                sockets.open(doctor, ws.get(i % ws.size()), work.pairDoctors.get(i).token);
                sockets.open(patient, ws.get((i + 1) % ws.size()), work.pairPatients.get(i).token);
                pairSockets.add(doctor);
                pairSockets.add(patient);
            }
            long readyBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < readyBy && pairSockets.stream().anyMatch(s -> s.ackedAt == 0 && s.failure == null)) {
                Thread.sleep(50);
            }
            Thread.sleep(1000); // the subscribe messages follow the acks

            List<Op> mix = work.mix();
            // (1) closed-loop warm-up of the whole mix, so the JIT has compiled what the rest measures
            closedLoop(api, () -> pick(mix, ThreadLocalRandom.current().nextDouble()), warmup, work);
            // (2) the ceiling and each read operation alone, closed loop
            Map<String, Double> capacity = new LinkedHashMap<>();
            capacity.put("ceiling", closedLoop(api, () -> new Request(work.workers.get(0).token, body(CEILING, map()), "ceiling"), capacitySeconds, work));
            for (Op op : mix) {
                if (op.name.startsWith("book") || op.name.startsWith("cancel")) {
                    continue;
                }
                capacity.put(op.name, closedLoop(api, op.next, capacitySeconds, work));
            }
            // (3) the open loop: the mix at `rate`/s, the event pairs' changes at `changes`/s
            ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
            List<Change> done = new ArrayList<>();
            Thread changer = new Thread(() -> done.addAll(changes(work, changes, duration)));
            changer.start();
            openLoop(api, mix, rate, duration, samples, work);
            changer.join();
            long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(drain);
            while (System.nanoTime() < drainUntil && !allDelivered(done, arrivals)) {
                Thread.sleep(100);
            }

            results.add(String.format(Locale.ROOT, "RESULT capacity op=ceiling rps=%.1f ratio=1.00", capacity.get("ceiling")));
            for (Map.Entry<String, Double> c : capacity.entrySet()) {
                if (!c.getKey().equals("ceiling")) {
                    results.add(String.format(Locale.ROOT, "RESULT capacity op=%s rps=%.1f ratio=%.2f", c.getKey().replace(' ', '_'), c.getValue(),
                            c.getValue() / capacity.get("ceiling")));
                }
            }
            Map<String, List<Sample>> byOp = new LinkedHashMap<>();
            for (Op op : mix) {
                byOp.put(op.name.split(" ")[0], new ArrayList<>());
            }
            List<Sample> all = new ArrayList<>(samples);
            for (Sample s : all) {
                byOp.computeIfAbsent(opName(s.op), k -> new ArrayList<>()).add(s);
            }
            byOp.put("all", all);
            for (Map.Entry<String, List<Sample>> e : byOp.entrySet()) {
                results.add(latencyLine("op=" + e.getKey(), e.getValue(), duration));
            }
            results.add(changesLine(done, arrivals, duration));
            long subscriptionErrors = pairSockets.stream().mapToLong(s -> s.errors.size()).sum();
            results.add(String.format(Locale.ROOT, "RESULT pairs sockets=%d acked=%d subscription_errors=%d dropped=%d", pairSockets.size(),
                    pairSockets.stream().filter(s -> s.ackedAt != 0).count(), subscriptionErrors,
                    pairSockets.stream().filter(s -> s.ackedAt != 0 && s.closedAt != 0).count()));
            Files.write(Path.of(o.get("out")), results);
            results.forEach(System.out::println);
            pairSockets.forEach(Socket::close);
        }

        static String opName(String op) {
            return switch (op) {
                case "search" -> "searchDoctors";
                case "agenda" -> "doctorAgenda";
                case "appointments" -> "myAppointments";
                case "book" -> "bookAppointment";
                case "cancel" -> "cancelAppointment";
                case "record" -> "myRecord";
                case "download" -> "fileDownload";
                default -> op;
            };
        }

        static Request pick(List<Op> mix, double at) {
            double sum = 0;
            for (Op op : mix) {
                sum += op.share;
                if (at < sum) {
                    return op.next.get();
                }
            }
            return mix.get(mix.size() - 1).next.get();
        }

        /** Requests/s that CLOSED_LOOP_IN_FLIGHT senders get through in {@code seconds}, each sending when its previous returned. */
        static double closedLoop(Api api, Supplier<Request> next, int seconds, Work work) throws InterruptedException {
            AtomicLong answered = new AtomicLong();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            List<Thread> senders = new ArrayList<>();
            for (int i = 0; i < CLOSED_LOOP_IN_FLIGHT; i++) {
                Thread sender = new Thread(() -> {
                    while (System.nanoTime() < end) {
                        Request request;
                        synchronized (next) {
                            request = next.get();
                        }
                        try {
                            HttpResponse<String> response = api.http.send(api.post(request.token, request.body, 0), HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() == 200 && !response.body().contains("\"errors\"")) {
                                answered.incrementAndGet();
                            }
                            work.noteBooking(request, response.body());
                        } catch (IOException e) {
                            // not counted
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
                sender.start();
                senders.add(sender);
            }
            for (Thread sender : senders) {
                sender.join();
            }
            return answered.get() / (double) seconds;
        }

        /** A booking the workload made goes into the queue of ones to cancel. */
        void noteBooking(Request request, String body) {
            if (request.op.equals("book") && body.contains("\"bookAppointment\":{")) {
                int at = body.indexOf("\"id\":\"");
                booked.add(new String[] {request.token, body.substring(at + 6, body.indexOf('"', at + 6))});
            }
        }

        /** Business answers of the hot path that are not errors: the slot was taken, or this booking was cancelled already. */
        static boolean expected(String op, String code) {
            return op.equals("book") && (code.equals("SLOT_UNAVAILABLE") || code.equals("BOOKING_LIMIT_REACHED"));
        }

        static void openLoop(Api api, List<Op> mix, int rate, int duration, ConcurrentLinkedQueue<Sample> samples, Work work) {
            Random random = new Random(11);
            AtomicLong inFlight = new AtomicLong();
            long interval = 1_000_000_000L / rate;
            long start = System.nanoTime() + 50_000_000L;
            long end = start + TimeUnit.SECONDS.toNanos(duration);
            int n = 0;
            for (long due = start; due < end; due += interval, n++) {
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                Request request = pick(mix, random.nextDouble());
                if (inFlight.get() >= MAX_IN_FLIGHT) {
                    samples.add(new Sample(request.op, 0, "DROPPED_BY_DRIVER"));
                    continue;
                }
                long dueAt = due;
                inFlight.incrementAndGet();
                api.http.sendAsync(api.post(request.token, request.body, n), HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                    long latency = System.nanoTime() - dueAt;
                    inFlight.decrementAndGet();
                    String code = failure != null ? failure.getClass().getSimpleName()
                            : response.statusCode() != 200 ? "HTTP_" + response.statusCode()
                            : response.body().contains("\"errors\"") ? code(response.body()) : "OK";
                    if (failure == null) {
                        work.noteBooking(request, response.body());
                    }
                    samples.add(new Sample(request.op, latency, code));
                });
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (inFlight.get() > 0 && System.nanoTime() < deadline) {
                LockSupport.parkNanos(10_000_000L);
            }
        }

        /** One appointment change by an event pair: due, answered, the appointment and the status it led to. */
        record Change(int pair, long due, long answered, String appointment, String status, String code) {}

        /**
         * {@code rate} changes/s for {@code duration} s, the pairs in turn; a pair's next change waits for its
         * previous answer (and the wait counts: latency is from the instant due). Steps per pair: the patient
         * books the next of the doctor's slots, the doctor accepts, the doctor cancels.
         */
        static List<Change> changes(Work work, int rate, int duration) {
            int pairs = work.pairDoctors.size();
            ConcurrentLinkedQueue<Change> done = new ConcurrentLinkedQueue<>();
            CompletableFuture<?>[] last = new CompletableFuture<?>[pairs];
            String[] appointment = new String[pairs];
            int[] step = new int[pairs];
            int[] slot = new int[pairs];
            Arrays.fill(last, CompletableFuture.completedFuture(null));
            long interval = 1_000_000_000L / rate;
            long start = System.nanoTime() + 50_000_000L;
            long end = start + TimeUnit.SECONDS.toNanos(duration);
            int n = 0;
            for (long due = start; due < end; due += interval, n++) {
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                int p = n % pairs;
                long dueAt = due;
                int instance = n;
                last[p] = last[p].thenCompose(previous -> {
                    Account doctor = work.pairDoctors.get(p);
                    Account patient = work.pairPatients.get(p);
                    Request request = switch (step[p]) {
                        case 0 -> {
                            String[] slots = doctor.extra.split(",");
                            yield new Request(patient.token, body(BOOK, map("s", slots[slot[p]++ % slots.length], "k", UUID.randomUUID().toString())), "book");
                        }
                        case 1 -> new Request(doctor.token, body(ACCEPT, map("id", appointment[p])), "accept");
                        default -> new Request(doctor.token, body(CANCEL, map("id", appointment[p], "j", JUSTIFICATION)), "cancel");
                    };
                    return work.api.http.sendAsync(work.api.post(request.token, request.body, instance), HttpResponse.BodyHandlers.ofString())
                            .handle((response, failure) -> {
                                long answered = System.nanoTime();
                                String body = response == null ? "" : response.body();
                                String code = failure != null ? failure.getClass().getSimpleName() : body.contains("\"errors\"") ? code(body) : "OK";
                                String status = null;
                                if (code.equals("OK")) {
                                    Map<?, ?> data = (Map<?, ?>) ((Map<?, ?>) Json.parse(body)).get("data");
                                    Map<?, ?> changed = (Map<?, ?>) data.values().iterator().next();
                                    if (changed.get("appointment") instanceof Map<?, ?> inside) {
                                        changed = inside; // book and cancel answer a payload with the appointment in it
                                    }
                                    appointment[p] = (String) changed.get("id");
                                    status = (String) changed.get("status");
                                    step[p] = (step[p] + 1) % 3;
                                } else {
                                    step[p] = 0; // start over with a new booking
                                }
                                done.add(new Change(p, dueAt, answered, appointment[p], status, code));
                                return null;
                            });
                });
            }
            for (CompletableFuture<?> f : last) {
                try {
                    f.get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    // counted by what is missing
                }
            }
            return new ArrayList<>(done);
        }

        static boolean allDelivered(List<Change> changes, Map<String, Long> arrivals) {
            for (Change c : changes) {
                if (c.status != null && (!arrivals.containsKey(c.appointment + " " + c.status + " " + (2 * c.pair))
                        || !arrivals.containsKey(c.appointment + " " + c.status + " " + (2 * c.pair + 1)))) {
                    return false;
                }
            }
            return true;
        }

        static String changesLine(List<Change> changes, Map<String, Long> arrivals, int duration) {
            List<Long> mutation = new ArrayList<>();
            List<Long> delivery = new ArrayList<>();
            long expected = 0;
            long early = 0;
            Map<String, Long> codes = new TreeMap<>();
            for (Change c : changes) {
                mutation.add(c.answered - c.due);
                codes.merge(c.code, 1L, Long::sum);
                if (c.status == null) {
                    continue;
                }
                for (int socket : new int[] {2 * c.pair, 2 * c.pair + 1}) {
                    expected++;
                    Long at = arrivals.get(c.appointment + " " + c.status + " " + socket);
                    if (at != null) {
                        if (at < c.answered) {
                            early++;
                        }
                        delivery.add(Math.max(0, at - c.answered));
                    }
                }
            }
            Collections.sort(mutation);
            Collections.sort(delivery);
            return String.format(Locale.ROOT, "RESULT changes count=%d per_s=%.1f codes=%s mutation_p50_ms=%.1f mutation_p99_ms=%.1f mutation_max_ms=%.1f "
                            + "expected=%d delivered=%d before_answer=%d delivery_p50_ms=%.1f delivery_p95_ms=%.1f delivery_p99_ms=%.1f delivery_max_ms=%.1f",
                    changes.size(), changes.size() / (double) duration, codes.toString().replace(' ', '_'), pct(mutation, 50), pct(mutation, 99), max(mutation),
                    expected, delivery.size(), early, pct(delivery, 50), pct(delivery, 95), pct(delivery, 99), max(delivery));
        }

        static String latencyLine(String what, List<Sample> samples, int duration) {
            List<Long> latencies = new ArrayList<>();
            Map<String, Long> errors = new TreeMap<>();
            Map<String, Long> refusals = new TreeMap<>();
            for (Sample s : samples) {
                latencies.add(s.latencyNanos);
                if (expected(s.op, s.code)) {
                    refusals.merge(s.code, 1L, Long::sum);
                } else if (!s.code.equals("OK")) {
                    errors.merge(s.code, 1L, Long::sum);
                }
            }
            Collections.sort(latencies);
            return String.format(Locale.ROOT, "RESULT latency %s count=%d rps=%.1f p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f max_ms=%.1f errors=%d codes=%s refusals=%s",
                    what, samples.size(), samples.size() / (double) duration, pct(latencies, 50), pct(latencies, 95), pct(latencies, 99), max(latencies),
                    errors.values().stream().mapToLong(Long::longValue).sum(), errors.toString().replace(' ', '_'), refusals.toString().replace(' ', '_'));
        }
    }

    // ------------------------------------------------------------------------------------------------
    // HTTP

    static final class Api {
        final List<URI> instances;
        final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newFixedThreadPool(8)).build();

        Api(List<URI> instances) {
            this.instances = instances;
        }

        HttpRequest post(String token, String body, int instance) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(instances.get(Math.floorMod(instance, instances.size())) + "/graphql"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            return request.build();
        }

        /** Sends the operation to instance {@code n} (round-robin); retries a few times on a retryable answer (set-up only). */
        Answer call(int n, String token, String query, Map<String, Object> variables) {
            String body = body(query, variables);
            for (int attempt = 0; ; attempt++) {
                Answer answer;
                try {
                    HttpResponse<String> response = http.send(post(token, body, n + attempt), HttpResponse.BodyHandlers.ofString());
                    answer = new Answer((Map<?, ?>) Json.parse(response.body()));
                } catch (IOException | RuntimeException e) {
                    answer = new Answer(Map.of("errors", List.of(Map.of("message", e.toString(), "extensions", Map.of("code", "IO_ERROR")))));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                String code = answer.code();
                if (code == null || attempt == 5 || !(code.equals("IO_ERROR") || code.equals("SERVICE_BUSY") || code.equals("STORAGE_UNAVAILABLE")
                        || code.equals("REQUEST_BUDGET_EXCEEDED"))) {
                    return answer;
                }
                sleep(500L << Math.min(attempt, 3));
            }
        }

        /** The verification code e-mailed to {@code email}, from the local mailer of whichever instance sent it (GET /dev/mailbox). */
        String verificationCode(String email) throws Exception {
            java.util.regex.Pattern code = java.util.regex.Pattern.compile("\\b(\\d{4}-\\d{4})\\b");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                for (URI instance : instances) {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(instance + "/dev/mailbox?to="
                            + URLEncoder.encode(email, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200 && Json.parse(response.body()) instanceof List<?> mails) {
                        for (Object mail : mails) {
                            java.util.regex.Matcher found = code.matcher(String.valueOf(((Map<?, ?>) mail).get("text")));
                            if (String.valueOf(((Map<?, ?>) mail).get("subject")).startsWith("Confirme seu e-mail") && found.find()) {
                                return found.group(1);
                            }
                        }
                    }
                }
                sleep(200);
            }
            throw new IllegalStateException("no verification code for " + email + " at /dev/mailbox within 60 s");
        }
    }

    record Answer(Map<?, ?> json) {
        String code() {
            if (!(json.get("errors") instanceof List<?> errors) || errors.isEmpty()) {
                return null;
            }
            Map<?, ?> extensions = (Map<?, ?>) ((Map<?, ?>) errors.get(0)).get("extensions");
            return extensions == null ? "NO_CODE" : String.valueOf(extensions.get("code"));
        }

        Object require(String field) {
            if (code() != null) {
                throw new IllegalStateException(field + " answered " + json);
            }
            return ((Map<?, ?>) json.get("data")).get(field);
        }
    }

    static String body(String query, Map<String, Object> variables) {
        return Json.write(map("query", query, "variables", variables));
    }

    static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    static List<URI> list(String uris) {
        return Arrays.stream(uris.split(",")).map(URI::create).toList();
    }

    static double pct(List<Long> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }

    static double max(List<Long> sorted) {
        return sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A valid CPF (check digits right, digits not all equal) from a number (as in scripts/chaos.d/ChaosDriver.java). */
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

    /** Minimal JSON reading and writing (this file runs alone, without a library; the same as ChaosDriver's). */
    static final class Json {
        private final String s;
        private int i;

        private Json(String s) {
            this.s = s;
        }

        static Object parse(String text) {
            Json json = new Json(text);
            return json.value();
        }

        static String write(Object value) {
            StringBuilder out = new StringBuilder();
            write(value, out);
            return out.toString();
        }

        private static void write(Object value, StringBuilder out) {
            if (value == null) {
                out.append("null");
            } else if (value instanceof String text) {
                out.append('"');
                for (char c : text.toCharArray()) {
                    switch (c) {
                        case '"' -> out.append("\\\"");
                        case '\\' -> out.append("\\\\");
                        case '\n' -> out.append("\\n");
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
            } else if (value instanceof Map<?, ?> map) {
                out.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    out.append(first ? "" : ",");
                    first = false;
                    write(e.getKey().toString(), out);
                    out.append(':');
                    write(e.getValue(), out);
                }
                out.append('}');
            } else if (value instanceof Collection<?> items) {
                out.append('[');
                boolean first = true;
                for (Object item : items) {
                    out.append(first ? "" : ",");
                    first = false;
                    write(item, out);
                }
                out.append(']');
            } else {
                out.append(value);
            }
        }

        private Object value() {
            space();
            char c = s.charAt(i);
            if (c == '{') {
                Map<String, Object> map = new LinkedHashMap<>();
                i++;
                space();
                if (s.charAt(i) == '}') {
                    i++;
                    return map;
                }
                while (true) {
                    space();
                    String key = string();
                    space();
                    i++; // ':'
                    map.put(key, value());
                    space();
                    if (s.charAt(i++) == '}') {
                        return map;
                    }
                }
            }
            if (c == '[') {
                List<Object> list = new ArrayList<>();
                i++;
                space();
                if (s.charAt(i) == ']') {
                    i++;
                    return list;
                }
                while (true) {
                    list.add(value());
                    space();
                    if (s.charAt(i++) == ']') {
                        return list;
                    }
                }
            }
            if (c == '"') {
                return string();
            }
            for (String literal : new String[] {"true", "false", "null"}) {
                if (s.startsWith(literal, i)) {
                    i += literal.length();
                    return literal.equals("null") ? null : Boolean.valueOf(literal);
                }
            }
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            String number = s.substring(start, i);
            return number.matches("-?\\d+") ? (Object) Long.parseLong(number) : (Object) Double.parseDouble(number);
        }

        private String string() {
            i++; // '"'
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

        private void space() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
    }
}
