package br.com.healthmed.support;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A client of the running service, as a front-end would be: anonymous, or holding a bearer token.
 * Also makes valid, unique registration inputs (CPFs with correct check digits, e-mails, CRMs).
 */
public final class Api {

    public static final String PASSWORD = "correct horse battery staple";
    /** How long a request may take before the test gives up on it. */
    public static final Duration HANG_GUARD = Duration.ofSeconds(30);

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 100_000_000L);

    private final HttpGraphQlTester tester;
    private final String baseUrl;
    /** The headers {@link #withHeader} added, for requests sent around the tester. */
    private final Map<String, String> headers;

    private Api(String baseUrl, HttpGraphQlTester tester, Map<String, String> headers) {
        this.baseUrl = baseUrl;
        this.tester = tester;
        this.headers = Map.copyOf(headers);
    }

    public static Api at(int port) {
        String baseUrl = "http://localhost:" + port;
        // A hang guard, not a speed requirement: WebTestClient's default 5 s fails a registration's
        // password hashing on a loaded machine.
        WebTestClient client = WebTestClient.bindToServer().responseTimeout(HANG_GUARD).baseUrl(baseUrl + "/graphql").build();
        return new Api(baseUrl, HttpGraphQlTester.create(client), Map.of());
    }

    public HttpGraphQlTester tester() {
        return tester;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** The same client with {@code Authorization: Bearer <accessToken>}. */
    public Api as(String accessToken) {
        return new Api(baseUrl, tester.mutate().header("Authorization", "Bearer " + accessToken).build(), headers);
    }

    /** The same client sending one more header with every request. */
    public Api withHeader(String name, String value) {
        Map<String, String> more = new java.util.HashMap<>(headers);
        more.put(name, value);
        return new Api(baseUrl, tester.mutate().header(name, value).build(), more);
    }

    /** The headers added with {@link #withHeader} (not the bearer token). */
    public Map<String, String> headers() {
        return headers;
    }

    public GraphQlTester.Request<?> document(String name) {
        return tester.documentName(name);
    }

    /** The subject of the e-mail that carries a new patient's verification code. */
    public static final String VERIFICATION_SUBJECT = "Confirme seu e-mail";

    /**
     * Registers a fresh patient as one who may book and share: the e-mail verified as the patient would,
     * with the code from the e-mail (read from the embedded mailer's {@code /dev/mailbox}) and the
     * password sent to {@code verifyEmailAndLogin}, and the teleconsultation consent in force accepted. Returns the
     * {@code AuthPayload} of that verification (tokens and the account) as a map.
     */
    public Map<String, Object> registerPatient(Map<String, Object> input) {
        Map<String, Object> session = registerPatientWithoutConsent(input);
        as((String) session.get("accessToken")).acceptTeleconsultationConsent();
        return session;
    }

    /** Registers a fresh patient with a verified e-mail who has not accepted the teleconsultation consent (booking refuses them). */
    public Map<String, Object> registerPatientWithoutConsent(Map<String, Object> input) {
        String email = registerAndAwaitCode(input);
        return tester.documentName("verifyEmailAndLogin").variable("email", email)
                .variable("code", mailbox().code(email, VERIFICATION_SUBJECT)).variable("password", input.get("password")).execute()
                .path("verifyEmailAndLogin").entity(Map.class).get();
    }

    /**
     * {@code registerPatient}, then waits for the new account's verification e-mail (sent after the
     * answer): when this returns, the account's code is issued, so a resend afterwards replaces it.
     * Returns the address as the service normalised it.
     */
    public String registerAndAwaitCode(Map<String, Object> input) {
        String typed = ((String) input.get("email")).strip().toLowerCase(Locale.ROOT);
        int before = (int) mailbox().to(typed).stream()
                .filter(mail -> ((String) mail.get("subject")).startsWith(VERIFICATION_SUBJECT)).count();
        String email = tester.documentName("registerPatient").variable("input", input).execute()
                .path("registerPatient.email").entity(String.class).get();
        mailbox().awaitCount(email, VERIFICATION_SUBJECT, before + 1);
        return email;
    }

    /** The embedded mailer's outbox of this instance. */
    public Mailbox mailbox() {
        return Mailbox.at(baseUrl);
    }

    /** Registers a fresh patient, then logs in as them: a session of its own. Returns {@code loginPatient}'s payload. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> loginAsNewPatient() {
        Map<String, Object> input = newPatient();
        registerPatient(input);
        return tester.documentName("loginPatient").variable("login", input.get("email")).variable("password", PASSWORD)
                .execute().path("loginPatient").entity(Map.class).get();
    }

    /**
     * As the patient this client is logged in as: accepts the teleconsultation consent in force, which
     * a patient needs before booking or joining a consultation.
     */
    public void acceptTeleconsultationConsent() {
        String version = tester.documentName("teleconsultationConsent").execute()
                .path("teleconsultationConsent.version").entity(String.class).get();
        tester.documentName("acceptTeleconsultationConsent").variable("version", version).execute()
                .path("acceptTeleconsultationConsent.version").entity(String.class).isEqualTo(version);
    }

    /**
     * What {@code { me { id } }} answers with this access token: {@code OK}, or the code of the 401
     * (e.g. {@code SESSION_REVOKED} once its session ended).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public String meAnswer(Object accessToken) {
        EntityExchangeResult<Map> result = WebTestClient.bindToServer().responseTimeout(HANG_GUARD).baseUrl(baseUrl).build()
                .post().uri("/graphql")
                .header("Authorization", "Bearer " + accessToken)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\":\"{ me { id } }\"}")
                .exchange().expectBody(Map.class).returnResult();
        Map<?, ?> body = result.getResponseBody();
        if (result.getStatus().is2xxSuccessful() && body != null && !body.containsKey("errors")) {
            return "OK";
        }
        if (result.getStatus().value() != 401) {
            throw new AssertionError("me answered " + result.getStatus() + ": " + body);
        }
        Map<?, ?> error = (Map<?, ?>) ((List<?>) body.get("errors")).get(0);
        return (String) ((Map<?, ?>) error.get("extensions")).get("code");
    }

    public Map<String, Object> registerDoctor(Map<String, Object> input) {
        return tester.documentName("registerDoctor").variable("input", input).execute()
                .path("registerDoctor").entity(Map.class).get();
    }

    public static Map<String, Object> newPatient() {
        long n = SEQUENCE.incrementAndGet();
        return Map.of(
                "name", "Paciente " + n,
                "email", "paciente." + n + "@example.com",
                "cpf", cpf(n),
                "password", PASSWORD,
                "birthDate", LocalDate.of(1990, 5, 17).toString());
    }

    public static Map<String, Object> newDoctor() {
        long n = SEQUENCE.incrementAndGet();
        return Map.of(
                "name", "Dra. Médica " + n,
                "crm", (100000 + n % 900_000_000L) + "/SP",
                "password", PASSWORD,
                "specialties", List.of("CARDIOLOGIA"));
    }

    /** A valid CPF (correct check digits, not all equal) built from a sequence number. */
    public static String cpf(long n) {
        String base = String.format("%09d", (n * 7919 + 123) % 1_000_000_000L);
        if (base.chars().distinct().count() == 1) {
            base = "123456789";
        }
        int d1 = checkDigit(base);
        int d2 = checkDigit(base + d1);
        return base + d1 + d2;
    }

    private static int checkDigit(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            sum += (digits.charAt(i) - '0') * (digits.length() + 1 - i);
        }
        int remainder = (sum * 10) % 11;
        return remainder == 10 ? 0 : remainder;
    }
}
