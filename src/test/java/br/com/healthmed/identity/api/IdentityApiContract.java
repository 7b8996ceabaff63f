package br.com.healthmed.identity.api;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.support.Api;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.ResponseError;

/**
 * Accounts, login and sessions through the GraphQL API, as a front-end uses them. Run once per
 * storage adapter: the API must behave the same on both.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "healthmed.login-throttle.max-failures-per-address=100000")
abstract class IdentityApiContract {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void connect() {
        api = Api.at(port);
    }

    // --- patients -------------------------------------------------------------------------------

    @Test
    void aPatientRegistersAndIsLoggedInOnceTheEmailIsVerified() {
        Map<String, Object> input = with(Api.newPatient(), "email", "  Ana.Souza+" + System.nanoTime() + "@Example.COM ",
                "phone", "(11) 98765-4321");

        Map<String, Object> session = api.registerPatient(input);

        assertThat(session.get("tokenType")).isEqualTo("Bearer");
        assertThat((String) session.get("accessToken")).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
        assertThat((String) session.get("refreshToken")).hasSizeGreaterThanOrEqualTo(43); // 256 bits, base64url
        @SuppressWarnings("unchecked")
        Map<String, Object> account = (Map<String, Object>) session.get("account");
        assertThat(account.get("role")).isEqualTo("PATIENT");
        assertThat((String) account.get("email")).isEqualTo(((String) input.get("email")).strip().toLowerCase());
        assertThat(account.get("cpf")).isEqualTo(formatted((String) input.get("cpf")));
        assertThat(account.get("phone")).isEqualTo("+5511987654321");
    }

    @Test
    void aPatientLogsInByCpfWithOrWithoutPunctuationAndByEmailInAnyCase() {
        Map<String, Object> input = Api.newPatient();
        api.registerPatient(input);
        String cpf = (String) input.get("cpf");
        String email = (String) input.get("email");

        for (String login : List.of(cpf, formatted(cpf), email, email.toUpperCase(), " " + email + " ")) {
            api.document("loginPatient").variable("login", login).variable("password", Api.PASSWORD).execute()
                    .path("loginPatient.account.name").entity(String.class).isEqualTo((String) input.get("name"));
        }
    }

    @Test
    void meReturnsThePatientsOwnAccount() {
        Map<String, Object> input = Api.newPatient();
        String token = (String) api.registerPatient(input).get("accessToken");

        api.as(token).document("me").execute()
                .path("me.name").entity(String.class).isEqualTo((String) input.get("name"))
                .path("me.role").entity(String.class).isEqualTo("PATIENT")
                .path("me.cpf").entity(String.class).isEqualTo(formatted((String) input.get("cpf")))
                .path("me.birthDate").entity(String.class).isEqualTo("1990-05-17");
    }

    // --- doctors --------------------------------------------------------------------------------

    @Test
    void aDoctorRegistersLogsInByCrmAndSeesTheirSpecialties() {
        Map<String, Object> input = with(Api.newDoctor(), "specialties", List.of("PEDIATRIA", "CARDIOLOGIA"));
        api.registerDoctor(input);
        String crm = (String) input.get("crm");
        String number = crm.substring(0, crm.indexOf('/'));

        String token = api.document("loginDoctor").variable("crm", "CRM-SP " + number).variable("password", Api.PASSWORD)
                .execute().path("loginDoctor.accessToken").entity(String.class).get();

        api.as(token).document("me").execute()
                .path("me.role").entity(String.class).isEqualTo("DOCTOR")
                .path("me.crm").entity(String.class).isEqualTo(number + "/SP")
                .path("me.specialties[*].code").entityList(String.class).containsExactly("PEDIATRIA", "CARDIOLOGIA")
                .path("me.specialties[0].name").entity(String.class).isEqualTo("Pediatria");
    }

    /**
     * A registration whose first attempt made the account but whose answer never arrived (a client timeout while
     * Argon2 ran on a loaded machine) is sent again: with its key and the same input it answers as the first did,
     * the same account and a session, where it answered CRM_TAKEN; with another key, no key, or another password,
     * CRM_TAKEN still, so the key is no way into someone else's account.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aDoctorsRegistrationSentAgainWithItsKeyAnswersTheAccountItMadeAndAnythingElseCrmTaken() {
        Map<String, Object> input = with(Api.newDoctor(), "idempotencyKey", "reg-" + java.util.UUID.randomUUID());
        Map<String, Object> first = api.registerDoctor(input); // its answer "lost"
        String accountId = (String) ((Map<String, Object>) first.get("account")).get("id");

        Map<String, Object> again = api.registerDoctor(input);
        assertThat(((Map<String, Object>) again.get("account")).get("id")).as("the same account").isEqualTo(accountId);
        api.as((String) again.get("accessToken")).document("me").execute().path("me.id").entity(String.class).isEqualTo(accountId);

        assertDoctorRefused(with(input, "idempotencyKey", "another-key-1"), "CRM_TAKEN", "input.crm");
        Map<String, Object> withoutKey = new HashMap<>(input);
        withoutKey.remove("idempotencyKey");
        assertDoctorRefused(withoutKey, "CRM_TAKEN", "input.crm");
        assertDoctorRefused(with(input, "password", "another password 9"), "CRM_TAKEN", "input.crm");
        assertDoctorRefused(with(input, "name", "Someone Else"), "CRM_TAKEN", "input.crm");
        assertDoctorRefused(with(input, "idempotencyKey", "short"), "BAD_USER_INPUT", "input.idempotencyKey");
    }

    @Test
    void aPatientCannotLogInAsADoctorNorTheOtherWayRound() {
        Map<String, Object> doctor = Api.newDoctor();
        api.registerDoctor(doctor);
        Map<String, Object> patient = Api.newPatient();
        api.registerPatient(patient);

        assertCode(api.document("loginPatient").variable("login", patient.get("email")).variable("password", "not the password"),
                "INVALID_CREDENTIALS");
        assertCode(api.document("loginDoctor").variable("crm", doctor.get("crm")).variable("password", "wrong password 1"),
                "INVALID_CREDENTIALS");
    }

    // --- wrong passwords and unknown accounts -----------------------------------------------------

    @Test
    void aWrongPasswordAndAnUnknownAccountGetTheSameAnswer() {
        Map<String, Object> input = Api.newPatient();
        api.registerPatient(input);

        ResponseError wrongPassword = singleError(api.document("loginPatient")
                .variable("login", input.get("email")).variable("password", "wrong password here"));
        ResponseError unknownAccount = singleError(api.document("loginPatient")
                .variable("login", "nobody." + System.nanoTime() + "@example.com").variable("password", "wrong password here"));

        assertThat(wrongPassword.getExtensions().get("code")).isEqualTo("INVALID_CREDENTIALS");
        assertThat(unknownAccount.getExtensions()).isEqualTo(wrongPassword.getExtensions());
        assertThat(unknownAccount.getMessage()).isEqualTo(wrongPassword.getMessage());
    }

    @Test
    void fiveWrongPasswordsLockTheLoginForAWhile() {
        Map<String, Object> input = Api.newPatient();
        api.registerPatient(input);
        for (int i = 0; i < 5; i++) {
            assertCode(api.document("loginPatient").variable("login", input.get("cpf")).variable("password", "guess number " + i),
                    "INVALID_CREDENTIALS");
        }

        ResponseError locked = singleError(api.document("loginPatient")
                .variable("login", input.get("cpf")).variable("password", Api.PASSWORD));

        assertThat(locked.getExtensions().get("code")).isEqualTo("TOO_MANY_ATTEMPTS");
        assertThat(((Number) locked.getExtensions().get("retryAfterSeconds")).longValue()).isBetween(1L, 900L);
    }

    @Test
    void oneOperationCannotCarryMoreThanOnePasswordCheck() {
        Map<String, Object> first = Api.newPatient();
        Map<String, Object> second = Api.newPatient();

        ResponseError error = singleError(api.tester().document("""
                mutation two($a: RegisterPatientInput!, $b: RegisterPatientInput!) {
                  a: registerPatient(input: $a) { email }
                  b: registerPatient(input: $b) { email }
                }""").variable("a", first).variable("b", second));

        assertThat(error.getExtensions()).containsEntry("code", "QUERY_TOO_COMPLEX");
        // Refused before anything ran: both identities are still free.
        api.registerPatient(first);
        api.registerPatient(second);
    }

    // --- validation -----------------------------------------------------------------------------

    @Test
    void malformedRegistrationsAreRefusedNamingTheField() {
        assertRefused(with(Api.newPatient(), "cpf", "123.456.789-00"), "INVALID_CPF", "input.cpf");
        assertRefused(with(Api.newPatient(), "cpf", "111.111.111-11"), "INVALID_CPF", "input.cpf");
        assertRefused(with(Api.newPatient(), "email", "ana@"), "INVALID_EMAIL", "input.email");
        assertRefused(with(Api.newPatient(), "password", "short"), "INVALID_PASSWORD", "input.password");
        assertRefused(with(Api.newPatient(), "password", "iloveyou"), "COMMON_PASSWORD", "input.password");
        assertRefused(with(Api.newPatient(), "birthDate", "2999-01-01"), "INVALID_BIRTH_DATE", "input.birthDate");
        assertRefused(with(Api.newPatient(), "phone", "call me"), "INVALID_PHONE", "input.phone");
        assertRefused(with(Api.newPatient(), "name", "   "), "BAD_USER_INPUT", "input.name");
        assertRefused(with(Api.newPatient(), "email", "a".repeat(300) + "@example.com"), "BAD_USER_INPUT", "input.email");

        assertDoctorRefused(with(Api.newDoctor(), "crm", "12/SP"), "INVALID_CRM", "input.crm");
        assertDoctorRefused(with(Api.newDoctor(), "crm", "123456/XX"), "INVALID_CRM", "input.crm");
        assertDoctorRefused(with(Api.newDoctor(), "specialties", List.of("ASTROLOGIA")), "UNKNOWN_SPECIALTY", "input.specialties");
        assertDoctorRefused(with(Api.newDoctor(), "specialties", List.of()), "BAD_USER_INPUT", "input.specialties");
    }

    @Test
    void aLoginThatIsNeitherEmailNorCpfIsRefusedAsBadInput() {
        ResponseError error = singleError(api.document("loginPatient").variable("login", "12345").variable("password", Api.PASSWORD));
        assertThat(error.getExtensions()).containsEntry("code", "BAD_USER_INPUT").containsEntry("field", "login");

        ResponseError crm = singleError(api.document("loginDoctor").variable("crm", "abc").variable("password", Api.PASSWORD));
        assertThat(crm.getExtensions()).containsEntry("code", "INVALID_CRM").containsEntry("field", "crm");
    }

    @Test
    void hugeLoginArgumentsAreRefusedBeforeAnyWork() {
        ResponseError error = singleError(api.document("loginPatient").variable("login", "a".repeat(300) + "@example.com")
                .variable("password", Api.PASSWORD));
        assertThat(error.getExtensions()).containsEntry("code", "BAD_USER_INPUT").containsEntry("field", "login");

        ResponseError password = singleError(api.document("loginDoctor").variable("crm", "123456/SP")
                .variable("password", "p".repeat(100_000)));
        assertThat(password.getExtensions()).containsEntry("code", "BAD_USER_INPUT").containsEntry("field", "password");
    }

    // --- duplicates -----------------------------------------------------------------------------

    // A taken e-mail or CPF is not refused at all: RegistrationEnumerationApiContract.

    @Test
    void aDuplicateCrmIsRefused() {
        Map<String, Object> doctor = Api.newDoctor();
        api.registerDoctor(doctor);
        String crm = (String) doctor.get("crm");
        assertDoctorRefused(with(Api.newDoctor(), "crm", crm.replace("/SP", "-sp")), "CRM_TAKEN", "input.crm");
    }

    // --- sessions -------------------------------------------------------------------------------

    @Test
    void refreshRotatesTheRefreshToken() {
        Map<String, Object> session = api.registerPatient(Api.newPatient());
        String first = (String) session.get("refreshToken");

        Map<String, Object> refreshed = refresh(first);
        String second = (String) refreshed.get("refreshToken");

        assertThat(second).isNotEqualTo(first);
        assertThat(refreshed.get("refreshExpiresAt")).isEqualTo(session.get("refreshExpiresAt")); // absolute expiry
        api.as((String) refreshed.get("accessToken")).document("me").execute()
                .path("me.id").entity(String.class).isEqualTo((String) ((Map<?, ?>) session.get("account")).get("id"));
        assertThat(refresh(second).get("refreshToken")).isNotEqualTo(second);
    }

    @Test
    void reusingARefreshTokenEndsTheWholeSession() {
        String first = (String) api.registerPatient(Api.newPatient()).get("refreshToken");
        String second = (String) refresh(first).get("refreshToken");

        assertCode(api.document("refreshSession").variable("refreshToken", first), "INVALID_REFRESH_TOKEN");

        // The thief or the client, whoever comes next, is out too.
        assertCode(api.document("refreshSession").variable("refreshToken", second), "INVALID_REFRESH_TOKEN");
    }

    @Test
    void logoutEndsTheSession() {
        String refreshToken = (String) api.registerPatient(Api.newPatient()).get("refreshToken");

        api.document("logout").variable("refreshToken", refreshToken).execute()
                .path("logout").entity(Boolean.class).isEqualTo(true);

        assertCode(api.document("refreshSession").variable("refreshToken", refreshToken), "INVALID_REFRESH_TOKEN");
        api.document("logout").variable("refreshToken", "never-issued").execute()
                .path("logout").entity(Boolean.class).isEqualTo(true);
    }

    @Test
    void anUnknownRefreshTokenIsRefused() {
        assertCode(api.document("refreshSession").variable("refreshToken", "x".repeat(43)), "INVALID_REFRESH_TOKEN");
    }

    // --- helpers --------------------------------------------------------------------------------

    private Map<String, Object> refresh(String refreshToken) {
        return api.document("refreshSession").variable("refreshToken", refreshToken).execute()
                .path("refreshSession").entity(Map.class).get();
    }

    private void assertRefused(Map<String, Object> input, String code, String field) {
        ResponseError error = singleError(api.document("registerPatient").variable("input", input));
        assertThat(error.getExtensions()).containsEntry("code", code).containsEntry("field", field);
    }

    private void assertDoctorRefused(Map<String, Object> input, String code, String field) {
        ResponseError error = singleError(api.document("registerDoctor").variable("input", input));
        assertThat(error.getExtensions()).containsEntry("code", code).containsEntry("field", field);
    }

    static void assertCode(org.springframework.graphql.test.tester.GraphQlTester.Request<?> request, String code) {
        assertThat(singleError(request).getExtensions()).containsEntry("code", code);
    }

    static ResponseError singleError(org.springframework.graphql.test.tester.GraphQlTester.Request<?> request) {
        ResponseError[] found = new ResponseError[1];
        request.execute().errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            found[0] = errors.get(0);
        });
        return found[0];
    }

    static Map<String, Object> with(Map<String, Object> input, Object... keysAndValues) {
        Map<String, Object> copy = new HashMap<>(input);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            copy.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return copy;
    }

    static String formatted(String cpf) {
        return cpf.substring(0, 3) + "." + cpf.substring(3, 6) + "." + cpf.substring(6, 9) + "-" + cpf.substring(9);
    }
}
