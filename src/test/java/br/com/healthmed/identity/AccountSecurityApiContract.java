package br.com.healthmed.identity;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.platform.encoding.Base32;
import br.com.healthmed.support.Api;
import br.com.healthmed.support.ClockedApiTest;
import br.com.healthmed.support.Errors;
import br.com.healthmed.support.Mailbox;
import br.com.healthmed.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Changing and resetting a password, and two-factor login, through the API as a front-end uses them,
 * with the e-mails read from the embedded mailer ({@code /dev/mailbox}) and the service's clock the
 * test's (codes are computed for it). Run on both storage adapters, in the context the other
 * {@link ClockedApiTest}s share.
 */
@ClockedApiTest
abstract class AccountSecurityApiContract {

    private static final String NEW_PASSWORD = "uma nova senha bem comprida";
    private static final Pattern RESET_LINK = Pattern.compile("https://app\\.healthmed\\.example/conta/redefinir-senha#token=([\\w-]+)");

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    Api api;
    Mailbox mailbox;

    @BeforeEach
    void connect() {
        clock.flowFrom(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        api = Api.at(port);
        mailbox = api.mailbox();
    }

    // --- changing the password ----------------------------------------------------------------------

    @Test
    void changingThePasswordEndsEveryOtherSessionAtOnceAndKeepsTheCallers() {
        Map<String, Object> input = Api.newPatient();
        Map<String, Object> caller = api.registerPatient(input);
        Map<String, Object> phone = loginPatient(input.get("email"), Api.PASSWORD);
        Map<String, Object> laptop = loginPatient(input.get("cpf"), Api.PASSWORD);

        api.as(token(caller)).document("changePassword").variable("current", Api.PASSWORD).variable("new", NEW_PASSWORD)
                .execute().path("changePassword").entity(Boolean.class).isEqualTo(true);

        assertThat(api.meAnswer(token(phone))).isEqualTo("SESSION_REVOKED");
        assertThat(api.meAnswer(token(laptop))).isEqualTo("SESSION_REVOKED");
        Errors.assertCode(api.document("refreshSession").variable("refreshToken", laptop.get("refreshToken")), "INVALID_REFRESH_TOKEN");
        assertThat(api.meAnswer(token(caller))).isEqualTo("OK");
        api.document("refreshSession").variable("refreshToken", caller.get("refreshToken")).execute()
                .path("refreshSession.accessToken").hasValue();
        Errors.assertCode(api.document("loginPatient").variable("login", input.get("email")).variable("password", Api.PASSWORD),
                "INVALID_CREDENTIALS");
        assertThat(token(loginPatient(input.get("email"), NEW_PASSWORD))).isNotBlank();
    }

    @Test
    void aWrongCurrentPasswordOrAWeakNewOneChangesNothingAndWrongOnesAreThrottled() {
        Map<String, Object> input = Api.newPatient();
        Api patient = api.as(token(api.registerPatient(input)));

        ResponseError weak = Errors.single(patient.document("changePassword").variable("current", Api.PASSWORD).variable("new", "password"));
        assertThat(weak.getExtensions()).containsEntry("code", "COMMON_PASSWORD").containsEntry("field", "newPassword");
        for (int i = 0; i < 5; i++) {
            ResponseError wrong = Errors.single(patient.document("changePassword").variable("current", "not my password " + i)
                    .variable("new", NEW_PASSWORD));
            assertThat(wrong.getExtensions()).containsEntry("code", "INVALID_CREDENTIALS").containsEntry("field", "currentPassword");
        }
        Errors.assertCode(patient.document("changePassword").variable("current", Api.PASSWORD).variable("new", NEW_PASSWORD),
                "TOO_MANY_ATTEMPTS");

        assertThat(token(loginPatient(input.get("email"), Api.PASSWORD))).isNotBlank();
    }

    // --- resetting a forgotten password ---------------------------------------------------------------

    @Test
    void aForgottenPasswordIsResetOnceWithTheMailedTokenAndEverySessionEnds() {
        Map<String, Object> input = Api.newPatient();
        String email = (String) input.get("email");
        Map<String, Object> session = api.registerPatient(input);

        requestReset(email);
        Map<String, Object> mail = mailbox.await(email, "Redefinição de senha");
        assertThat((String) mail.get("subject")).doesNotContain(email, (String) input.get("name"));
        assertThat((String) mail.get("text")).doesNotContain((String) input.get("cpf"), "1990");
        String token = resetToken(mail);

        api.document("resetPassword").variable("token", token).variable("new", NEW_PASSWORD).execute()
                .path("resetPassword").entity(Boolean.class).isEqualTo(true);

        assertThat(api.meAnswer(token(session))).isEqualTo("SESSION_REVOKED");
        Errors.assertCode(api.document("loginPatient").variable("login", email).variable("password", Api.PASSWORD), "INVALID_CREDENTIALS");
        assertThat(token(loginPatient(email, NEW_PASSWORD))).isNotBlank();
        Errors.assertCode(api.document("resetPassword").variable("token", token).variable("new", "e mais outra senha nova"), "RESET_TOKEN_USED");
    }

    @Test
    void anUnknownAccountGetsTheSameAnswerAndNoEmail() {
        Map<String, Object> input = Api.newPatient();
        api.registerPatient(input);
        String unknown = "ninguem." + System.nanoTime() + "@example.com";

        GraphQlTester.Response forUnknown = api.document("requestPasswordReset").variable("login", unknown).execute();
        GraphQlTester.Response forUnknownCpf = api.document("requestPasswordReset").variable("login", Api.cpf(System.nanoTime() % 1000)).execute();
        GraphQlTester.Response forKnown = api.document("requestPasswordReset").variable("login", input.get("cpf")).execute();

        for (GraphQlTester.Response response : List.of(forUnknown, forUnknownCpf, forKnown)) {
            response.errors().verify().path("requestPasswordReset").entity(Boolean.class).isEqualTo(true);
        }
        // one queue sends them in order: once the known account's e-mail is there, the unknown one's turn has passed
        mailbox.await((String) input.get("email"), "Redefinição de senha");
        assertThat(mailbox.to(unknown)).isEmpty();
    }

    @Test
    void anExpiredAForeignAndASupersededTokenAreRefusedWithoutAccountDetail() {
        Map<String, Object> input = Api.newPatient();
        String email = (String) input.get("email");
        api.registerPatient(input);
        requestReset(email);
        String first = resetToken(mailbox.await(email, "Redefinição de senha"));
        requestReset(email);
        String second = resetToken(mailbox.awaitCount(email, "Redefinição de senha", 2).get(1));

        ResponseError foreign = Errors.single(api.document("resetPassword").variable("token", "x".repeat(43)).variable("new", NEW_PASSWORD));
        assertThat(foreign.getExtensions()).containsEntry("code", "INVALID_RESET_TOKEN");
        assertThat(foreign.getMessage()).doesNotContain(email);
        String challenge = enrolledChallenge(input);
        Errors.assertCode(api.document("resetPassword").variable("token", challenge).variable("new", NEW_PASSWORD), "INVALID_RESET_TOKEN");

        api.document("resetPassword").variable("token", second).variable("new", NEW_PASSWORD).execute()
                .path("resetPassword").entity(Boolean.class).isEqualTo(true);
        Errors.assertCode(api.document("resetPassword").variable("token", first).variable("new", "outra senha nova aqui"), "RESET_TOKEN_USED");

        requestReset(email);
        String third = resetToken(mailbox.awaitCount(email, "Redefinição de senha", 3).get(2));
        clock.advance(Duration.ofMinutes(31));
        Errors.assertCode(api.document("resetPassword").variable("token", third).variable("new", "outra senha nova aqui"), "RESET_TOKEN_EXPIRED");
    }

    // --- two-factor login -------------------------------------------------------------------------

    @Test
    void aPatientEnrolsAndThenLogsInWithACodeWhichCannotBeReplayed() {
        Map<String, Object> input = Api.newPatient();
        Api patient = api.as(token(api.registerPatient(input)));

        Map<String, Object> enrolment = patient.document("beginTwoFactorEnrolment").execute()
                .path("beginTwoFactorEnrolment").entity(Map.class).get();
        String secret = (String) enrolment.get("secret");
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat((String) enrolment.get("otpauthUri")).isEqualTo("otpauth://totp/Health%26Med:"
                + ((String) input.get("email")).replace("@", "%40") + "?secret=" + secret
                + "&issuer=Health%26Med&algorithm=SHA1&digits=6&period=30");
        Errors.assertCode(patient.document("confirmTwoFactorEnrolment").variable("code", wrong(code(secret, 0))), "INVALID_TWO_FACTOR_CODE");
        long step = Totp.step(clock.instant());
        List<String> recoveryCodes = patient.document("confirmTwoFactorEnrolment").variable("code", code(secret, 0)).execute()
                .path("confirmTwoFactorEnrolment.session").valueIsNull()
                .path("confirmTwoFactorEnrolment.recoveryCodes").entityList(String.class).hasSize(10).get();
        assertThat(recoveryCodes).doesNotHaveDuplicates().allMatch(c -> c.matches("[A-Z2-7]{5}-[A-Z2-7]{5}"));
        patient.document("myTwoFactor").execute().path("myTwoFactor.enabled").entity(Boolean.class).isEqualTo(true)
                .path("myTwoFactor.recoveryCodesLeft").entity(Integer.class).isEqualTo(10);
        Errors.assertCode(patient.document("beginTwoFactorEnrolment"), "TWO_FACTOR_ALREADY_ENABLED");

        Map<String, Object> due = loginPatient(input.get("email"), Api.PASSWORD);
        assertThat(due).containsEntry("__typename", "SecondFactorRequired").doesNotContainKey("accessToken");
        assertThat(due.get("methods")).isEqualTo(List.of("TOTP", "RECOVERY_CODE"));
        String challenge = (String) due.get("challenge");
        // the code that confirmed the enrolment (same step) is used up; one two steps old is too old
        Errors.assertCode(complete(challenge, Totp.code(Base32.decode(secret).orElseThrow(), step)), "TWO_FACTOR_CODE_USED");
        Errors.assertCode(complete(challenge, Totp.code(Base32.decode(secret).orElseThrow(), Totp.step(clock.instant()) - 2)),
                "INVALID_TWO_FACTOR_CODE");

        String next = code(secret, 1); // a phone whose clock runs a little ahead
        String accessToken = complete(challenge, next).execute().path("completeLogin.accessToken").entity(String.class).get();
        assertThat(api.meAnswer(accessToken)).isEqualTo("OK");
        Errors.assertCode(complete(challenge, code(secret, 1)), "INVALID_CHALLENGE");

        String again = (String) loginPatient(input.get("email"), Api.PASSWORD).get("challenge");
        Errors.assertCode(complete(again, next), "TWO_FACTOR_CODE_USED");
    }

    @Test
    void aRecoveryCodeLogsInOnceAndAChallengeExpires() {
        Map<String, Object> input = Api.newPatient();
        Api patient = api.as(token(api.registerPatient(input)));
        List<String> recoveryCodes = enrol(patient).recoveryCodes();

        String typed = recoveryCodes.get(3).toLowerCase().replace("-", " ");
        String challenge = (String) loginPatient(input.get("cpf"), Api.PASSWORD).get("challenge");
        complete(challenge, typed).execute().path("completeLogin.accessToken").hasValue();
        patient.document("myTwoFactor").execute().path("myTwoFactor.recoveryCodesLeft").entity(Integer.class).isEqualTo(9);

        String next = (String) loginPatient(input.get("cpf"), Api.PASSWORD).get("challenge");
        Errors.assertCode(complete(next, recoveryCodes.get(3)), "INVALID_TWO_FACTOR_CODE");
        clock.advance(Duration.ofMinutes(6));
        Errors.assertCode(complete(next, recoveryCodes.get(4)), "INVALID_CHALLENGE");
    }

    @Test
    void wrongCodesAreThrottledPerAccount() {
        Map<String, Object> input = Api.newPatient();
        Enrolled enrolled = enrol(api.as(token(api.registerPatient(input))));
        String challenge = (String) loginPatient(input.get("email"), Api.PASSWORD).get("challenge");

        for (int i = 0; i < 5; i++) {
            Errors.assertCode(complete(challenge, String.format("%06d", (Integer.parseInt(code(enrolled.secret(), 1)) + 1 + i) % 1_000_000)),
                    "INVALID_TWO_FACTOR_CODE");
        }
        ResponseError locked = Errors.single(complete(challenge, code(enrolled.secret(), 1)));
        assertThat(locked.getExtensions().get("code")).isEqualTo("TOO_MANY_ATTEMPTS");
        assertThat(((Number) locked.getExtensions().get("retryAfterSeconds")).longValue()).isPositive();
    }

    @Test
    void aDoctorTurnsTwoFactorLoginOffWithThePasswordAndACode() {
        Map<String, Object> input = Api.newDoctor();
        Api doctor = api.as(token(api.registerDoctor(input)));
        Enrolled enrolled = enrol(doctor);
        Map<String, Object> due = loginDoctor(input.get("crm"));
        assertThat(due).containsEntry("__typename", "SecondFactorRequired");

        Errors.assertCode(doctor.document("disableTwoFactor").variable("password", "not the password").variable("code", code(enrolled.secret(), 1)),
                "INVALID_CREDENTIALS");
        Errors.assertCode(doctor.document("disableTwoFactor").variable("password", Api.PASSWORD).variable("code", wrong(code(enrolled.secret(), 1))),
                "INVALID_TWO_FACTOR_CODE");
        doctor.document("disableTwoFactor").variable("password", Api.PASSWORD).variable("code", code(enrolled.secret(), 1)).execute()
                .path("disableTwoFactor").entity(Boolean.class).isEqualTo(true);

        assertThat(loginDoctor(input.get("crm"))).containsEntry("__typename", "AuthPayload").containsKey("accessToken");
        doctor.document("myTwoFactor").execute().path("myTwoFactor.enabled").entity(Boolean.class).isEqualTo(false);
        Errors.assertCode(complete((String) due.get("challenge"), code(enrolled.secret(), 1)), "INVALID_TWO_FACTOR_CODE");
    }

    // --- helpers -------------------------------------------------------------------------------------

    record Enrolled(String secret, List<String> recoveryCodes) {}

    /** Enrols the client's account; the confirming code is of the current step. */
    private Enrolled enrol(Api client) {
        String secret = client.document("beginTwoFactorEnrolment").execute().path("beginTwoFactorEnrolment.secret").entity(String.class).get();
        List<String> codes = client.document("confirmTwoFactorEnrolment").variable("code", code(secret, 0)).execute()
                .path("confirmTwoFactorEnrolment.recoveryCodes").entityList(String.class).get();
        return new Enrolled(secret, codes);
    }

    /** A patient who has two-factor login on, logged in with the password: the challenge. */
    private String enrolledChallenge(Map<String, Object> patient) {
        enrol(api.as(token(loginPatient(patient.get("email"), Api.PASSWORD))));
        return (String) loginPatient(patient.get("email"), Api.PASSWORD).get("challenge");
    }

    /** The code of the step {@code offset} steps from the service's current one. */
    private String code(String secret, int offset) {
        return Totp.code(Base32.decode(secret).orElseThrow(), Totp.step(clock.instant()) + offset);
    }

    private static String wrong(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 500_000) % 1_000_000);
    }

    private GraphQlTester.Request<?> complete(String challenge, String code) {
        return api.document("completeLogin").variable("challenge", challenge).variable("code", code);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> loginPatient(Object login, String password) {
        return api.document("loginPatient").variable("login", login).variable("password", password).execute()
                .path("loginPatient").entity(Map.class).get();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> loginDoctor(Object crm) {
        return api.document("loginDoctor").variable("crm", crm).variable("password", Api.PASSWORD).execute()
                .path("loginDoctor").entity(Map.class).get();
    }

    private void requestReset(String login) {
        api.document("requestPasswordReset").variable("login", login).execute()
                .path("requestPasswordReset").entity(Boolean.class).isEqualTo(true);
    }

    private static String resetToken(Map<String, Object> mail) {
        Matcher link = RESET_LINK.matcher((String) mail.get("text"));
        assertThat(link.find()).as("a reset link in %s", mail.get("text")).isTrue();
        assertThat((String) mail.get("html")).contains(link.group());
        return link.group(1);
    }

    private static String token(Map<String, Object> session) {
        assertThat(session).containsKey("accessToken");
        return (String) session.get("accessToken");
    }
}
