package br.com.healthmed.identity.api;

import static br.com.healthmed.identity.api.IdentityApiContract.assertCode;
import static br.com.healthmed.identity.api.IdentityApiContract.formatted;
import static br.com.healthmed.identity.api.IdentityApiContract.singleError;
import static br.com.healthmed.identity.api.IdentityApiContract.with;
import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.identity.Totp;
import br.com.healthmed.platform.encoding.Base32;
import br.com.healthmed.support.Api;
import br.com.healthmed.support.ClockedApiTest;
import br.com.healthmed.support.MutableClock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.ResponseError;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registration tells nobody who has an account (issue 10, part 5): {@code registerPatient} answers
 * byte for byte the same for a new e-mail, a taken e-mail and a taken CPF, creates nothing for the taken
 * ones, and tells the address by e-mail instead; the code is then sent with the address, without a
 * session, to {@code verifyEmailAndLogin}, which answers an address without an account as a wrong code.
 * Run once per storage adapter.
 */
@ClockedApiTest
abstract class RegistrationEnumerationApiContract {

    static final String ATTEMPT_SUBJECT = "Tentativa de cadastro";
    static final String NOT_COMPLETED_SUBJECT = "Não foi possível concluir";
    static final String OTHER_PASSWORD = "another horse battery staple";

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    Api api;

    @BeforeEach
    void connect() {
        clock.flowFrom(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        api = Api.at(port);
    }

    @Test
    void theAnswerIsTheSameForANewEmailATakenEmailAndATakenCpf() {
        Map<String, Object> owner = Api.newPatient();
        api.registerPatient(owner);
        String ownerEmail = email(owner);

        Map<String, Object> fresh = Api.newPatient();
        Map<String, Object> sameEmail = with(Api.newPatient(), "email", " " + ownerEmail.toUpperCase() + " ", "password", OTHER_PASSWORD);
        Map<String, Object> sameCpf = with(Api.newPatient(), "cpf", formatted((String) owner.get("cpf")));

        Answer created = register(fresh);
        Answer emailTaken = register(sameEmail);
        Answer cpfTaken = register(sameCpf);

        assertThat(created.status()).isEqualTo(200);
        assertThat(created.body()).doesNotContain("errors").contains(email(fresh));
        // The whole response, but for the address it echoes (the one the caller sent).
        assertThat(emailTaken).isEqualTo(new Answer(200, created.body().replace(email(fresh), ownerEmail)));
        assertThat(cpfTaken).isEqualTo(new Answer(200, created.body().replace(email(fresh), email(sameCpf))));
    }

    @Test
    void aTakenEmailCreatesNothingAndItsOwnerIsToldWithoutThePasswordOrAnyCpf() {
        Map<String, Object> owner = Api.newPatient();
        api.registerPatient(owner);
        String ownerEmail = email(owner);
        Map<String, Object> attempt = with(Api.newPatient(), "email", ownerEmail, "password", OTHER_PASSWORD);

        register(attempt);

        Map<String, Object> notice = api.mailbox().await(ownerEmail, ATTEMPT_SUBJECT);
        String content = notice.get("text") + " " + notice.get("html");
        assertThat(content).contains("alguém tentou criar uma conta", "Esqueci minha senha")
                .doesNotContain(OTHER_PASSWORD, (String) attempt.get("cpf"), formatted((String) attempt.get("cpf")),
                        (String) owner.get("cpf"), formatted((String) owner.get("cpf")), (String) attempt.get("name"));
        assertThat(api.mailbox().subjects(ownerEmail)).as("no code for a second account")
                .filteredOn(subject -> subject.startsWith(Api.VERIFICATION_SUBJECT)).hasSize(1);

        // No second account: the attacker's password opens nothing, answered as any wrong password.
        ResponseError attackersPassword = loginError(ownerEmail, OTHER_PASSWORD);
        ResponseError wrongPassword = loginError(ownerEmail, "wrong password here");
        assertThat(attackersPassword.getExtensions()).containsEntry("code", "INVALID_CREDENTIALS")
                .isEqualTo(wrongPassword.getExtensions());
        assertThat(attackersPassword.getMessage()).isEqualTo(wrongPassword.getMessage());
        assertCode(api.document("loginPatient").variable("login", attempt.get("cpf")).variable("password", OTHER_PASSWORD),
                "INVALID_CREDENTIALS");
        // The owner's account is as it was, and the CPF typed is still free.
        api.document("loginPatient").variable("login", ownerEmail).variable("password", Api.PASSWORD).execute()
                .path("loginPatient.accessToken").hasValue();
        api.registerPatient(with(Api.newPatient(), "cpf", attempt.get("cpf")));
    }

    @Test
    void aTakenCpfCreatesNothingAndTellsTheNewAddressWithoutNamingTheAccountThatHasIt() {
        Map<String, Object> owner = Api.newPatient();
        api.registerPatient(owner);
        Map<String, Object> attempt = with(Api.newPatient(), "cpf", owner.get("cpf"));

        register(attempt);

        Map<String, Object> notice = api.mailbox().await(email(attempt), NOT_COMPLETED_SUBJECT);
        String content = notice.get("text") + " " + notice.get("html");
        assertThat(content).contains("não foi possível concluir o cadastro", "Esqueci minha senha")
                .doesNotContain(email(owner), (String) owner.get("name"), (String) owner.get("cpf"), formatted((String) owner.get("cpf")))
                .doesNotContainPattern("\\d{4}-\\d{4}");
        assertThat(api.mailbox().subjects(email(attempt))).hasSize(1);
        assertCode(api.document("loginPatient").variable("login", email(attempt)).variable("password", Api.PASSWORD),
                "INVALID_CREDENTIALS");
        // The address typed is still free.
        api.registerPatient(with(Api.newPatient(), "email", email(attempt)));
    }

    @Test
    void theCodeAndItsAddressVerifyThePatientWithoutASessionAndOpenOne() {
        Map<String, Object> input = Api.newPatient();
        String email = api.registerAndAwaitCode(input);
        assertThat(api.mailbox().latest(email, Api.VERIFICATION_SUBJECT).orElseThrow().get("text").toString())
                .contains("https://app.healthmed.example/conta/verificar-email?codigo=");

        Map<String, Object> session = verify(api, email, api.mailbox().code(email, Api.VERIFICATION_SUBJECT)).execute()
                .path("verifyEmailAndLogin").entity(Map.class).get();

        Api patient = api.as((String) session.get("accessToken"));
        patient.tester().document("{ me { ... on Patient { email emailVerified } } }").execute()
                .path("me.email").entity(String.class).isEqualTo(email)
                .path("me.emailVerified").entity(Boolean.class).isEqualTo(true);
        api.document("refreshSession").variable("refreshToken", session.get("refreshToken")).execute()
                .path("refreshSession.accessToken").hasValue();
        patient.acceptTeleconsultationConsent();
        // an unverified patient still logs in with the password, as before
        String other = api.registerAndAwaitCode(Api.newPatient());
        api.document("loginPatient").variable("login", other).variable("password", Api.PASSWORD).execute()
                .path("loginPatient.accessToken").hasValue();
    }

    @Test
    void aPatientWhoTurnedOnTwoFactorLoginIsAskedForTheSecondFactorAfterTheCode() {
        Map<String, Object> input = Api.newPatient();
        Api patient = api.as((String) api.registerUnverifiedPatient(input).get("accessToken"));
        String secret = patient.document("beginTwoFactorEnrolment").execute().path("beginTwoFactorEnrolment.secret")
                .entity(String.class).get();
        patient.document("confirmTwoFactorEnrolment").variable("code", totp(secret)).execute()
                .path("confirmTwoFactorEnrolment.recoveryCodes").hasValue();

        verify(api, email(input), api.mailbox().code(email(input), Api.VERIFICATION_SUBJECT)).execute()
                .path("verifyEmailAndLogin.challenge").hasValue()
                .path("verifyEmailAndLogin.accessToken").pathDoesNotExist();
        patient.tester().document("{ me { ... on Patient { emailVerified } } }").execute()
                .path("me.emailVerified").entity(Boolean.class).isEqualTo(true);
    }

    @Test
    void anAddressWithoutAnAccountOrAnotherPatientsAddressAnswersExactlyAsAWrongCode() {
        Api client = fromOwnNetwork();
        String mine = client.registerAndAwaitCode(Api.newPatient());
        String theirs = client.registerAndAwaitCode(Api.newPatient());
        String myCode = client.mailbox().code(mine, Api.VERIFICATION_SUBJECT);

        ResponseError wrongCode = singleError(verify(client, mine, otherThan(myCode)));
        ResponseError wrongAddress = singleError(verify(client, theirs, myCode));
        ResponseError noAccount = singleError(verify(client, "ninguem." + System.nanoTime() + "@example.com", myCode));

        assertThat(wrongCode.getExtensions()).containsEntry("code", "VERIFICATION_CODE_INVALID").containsEntry("field", "code");
        assertThat(wrongAddress.getExtensions()).isEqualTo(wrongCode.getExtensions());
        assertThat(noAccount.getExtensions()).isEqualTo(wrongCode.getExtensions());
        assertThat(List.of(wrongAddress.getMessage(), noAccount.getMessage())).containsOnly(wrongCode.getMessage());
        assertThat(singleError(verify(client, "not an address", myCode)).getExtensions()).containsEntry("code", "INVALID_EMAIL");

        verify(client, mine, myCode).execute().path("verifyEmailAndLogin.accessToken").hasValue();
        assertCode(verify(client, mine, myCode), "VERIFICATION_CODE_USED");
    }

    @Test
    void wrongCodesAreThrottledPerAddressTypedAlikeWithOrWithoutAnAccount() {
        Api client = fromOwnNetwork();
        String known = client.registerAndAwaitCode(Api.newPatient());
        String code = client.mailbox().code(known, Api.VERIFICATION_SUBJECT);
        String unknown = "ninguem." + System.nanoTime() + "@example.com";
        for (int i = 0; i < 5; i++) {
            assertCode(verify(client, known, otherThan(code)), "VERIFICATION_CODE_INVALID");
            assertCode(verify(client, unknown, otherThan(code)), "VERIFICATION_CODE_INVALID");
        }

        ResponseError knownRefused = singleError(verify(client, known, code));
        ResponseError unknownRefused = singleError(verify(client, unknown, code));

        assertThat(knownRefused.getExtensions()).containsEntry("code", "TOO_MANY_ATTEMPTS").containsKey("retryAfterSeconds");
        assertThat(unknownRefused.getExtensions()).containsEntry("code", "TOO_MANY_ATTEMPTS").containsKey("retryAfterSeconds");
        assertThat(unknownRefused.getMessage()).isEqualTo(knownRefused.getMessage());
    }

    @Test
    void wrongCodesAreThrottledPerNetwork() {
        Api client = fromOwnNetwork();
        for (int i = 0; i < 50; i++) { // the default limit per network, each for another address
            assertCode(verify(client, "alvo." + i + "." + System.nanoTime() + "@example.com", "1234-5678"),
                    "VERIFICATION_CODE_INVALID");
        }

        assertCode(verify(client, "outro." + System.nanoTime() + "@example.com", "1234-5678"), "TOO_MANY_ATTEMPTS");
    }

    // --- helpers --------------------------------------------------------------------------------

    /** A response as the client gets it: the HTTP status and the body, exactly. */
    record Answer(int status, String body) {}

    Answer register(Map<String, Object> input) {
        EntityExchangeResult<String> result = WebTestClient.bindToServer().responseTimeout(Api.HANG_GUARD).baseUrl(api.baseUrl()).build()
                .post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(JsonMapper.builder().build().writeValueAsString(Map.of(
                        "query", "mutation($input: RegisterPatientInput!) { registerPatient(input: $input) { email message } }",
                        "variables", Map.of("input", input))))
                .exchange().expectBody(String.class).returnResult();
        return new Answer(result.getStatus().value(), result.getResponseBody());
    }

    static org.springframework.graphql.test.tester.GraphQlTester.Request<?> verify(Api client, String email, String code) {
        return client.document("verifyEmailAndLogin").variable("email", email).variable("code", code);
    }

    ResponseError loginError(String login, String password) {
        return singleError(api.document("loginPatient").variable("login", login).variable("password", password));
    }

    /** A client on a network of its own, so that its wrong codes count against no other test's budget. */
    Api fromOwnNetwork() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return Api.at(port).withHeader("X-Forwarded-For", "10." + random.nextInt(256) + "." + random.nextInt(256) + ".7");
    }

    String totp(String secret) {
        return Totp.code(Base32.decode(secret).orElseThrow(), Totp.step(clock.instant()));
    }

    static String otherThan(String code) {
        return "1234-5678".equals(code) ? "8765-4321" : "1234-5678";
    }

    static String email(Map<String, Object> input) {
        return ((String) input.get("email")).strip().toLowerCase();
    }
}
