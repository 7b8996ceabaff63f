package br.com.healthmed.identity.api;

import static br.com.healthmed.identity.api.IdentityApiContract.assertCode;
import static br.com.healthmed.identity.api.IdentityApiContract.formatted;
import static br.com.healthmed.identity.api.IdentityApiContract.singleError;
import static br.com.healthmed.identity.api.IdentityApiContract.with;
import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.identity.AccountStore;
import br.com.healthmed.identity.Email;
import br.com.healthmed.identity.LoginClaim;
import br.com.healthmed.identity.LoginClaimStore;
import br.com.healthmed.identity.PatientAccount;
import br.com.healthmed.identity.RegistrationService;
import br.com.healthmed.identity.SecurityEventStore;
import br.com.healthmed.identity.Totp;
import br.com.healthmed.identity.UnverifiedSessions;
import br.com.healthmed.platform.encoding.Base32;
import br.com.healthmed.support.Api;
import br.com.healthmed.support.ClockedApiTest;
import br.com.healthmed.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * ones, and tells the address by e-mail instead; a login right after it answers the same too (an
 * unverified patient's password opens no session). The code is then sent with the address and the
 * password, without a session, to {@code verifyEmailAndLogin}, which answers an address without an
 * account and a wrong password as a wrong code.
 * Run once per storage adapter.
 */
@ClockedApiTest
abstract class RegistrationEnumerationApiContract {

    static final String ATTEMPT_SUBJECT = "Tentativa de cadastro";
    static final String NOT_COMPLETED_SUBJECT = "Não foi possível concluir";
    static final String OTHER_PASSWORD = "another horse battery staple";
    static final Pattern RESET_LINK = Pattern.compile("https://app\\.healthmed\\.example/conta/redefinir-senha#token=([\\w-]+)");

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    RegistrationService registration;

    @Autowired
    UnverifiedSessions unverifiedSessions;

    @Autowired
    AccountStore accounts;

    @Autowired
    LoginClaimStore claims;

    @Autowired
    SecurityEventStore securityEvents;

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

    /**
     * A login right after registering, with the registrant's own password, says nothing either: an
     * unverified patient's password opens no session, and is refused exactly as a wrong one.
     */
    @Test
    void aLoginRightAfterEachOfTheThreeRegistrationsAnswersTheSameByEmailAndByCpf() {
        Map<String, Object> owner = Api.newPatient();
        api.registerPatient(owner);
        Map<String, Object> fresh = Api.newPatient();
        Map<String, Object> sameEmail = with(Api.newPatient(), "email", email(owner), "password", OTHER_PASSWORD);
        Map<String, Object> sameCpf = with(Api.newPatient(), "cpf", owner.get("cpf"), "password", "third horse battery staple");
        register(fresh);
        register(sameEmail);
        register(sameCpf);
        drained();

        List<Answer> answers = new ArrayList<>();
        for (Map<String, Object> registrant : List.of(fresh, sameEmail, sameCpf)) {
            answers.add(login(email(registrant), (String) registrant.get("password")));
            answers.add(login((String) registrant.get("cpf"), (String) registrant.get("password")));
        }

        assertThat(answers.get(0).status()).isEqualTo(200);
        assertThat(answers.get(0).body()).contains("INVALID_CREDENTIALS").doesNotContain("accessToken");
        assertThat(answers).containsOnly(answers.get(0));
    }

    @Test
    void aTakenEmailCreatesNothingAndItsOwnerIsToldWithoutThePasswordOrAnyCpf() {
        Map<String, Object> owner = Api.newPatient();
        api.registerPatient(owner);
        String ownerEmail = email(owner);
        Map<String, Object> attempt = with(Api.newPatient(), "email", ownerEmail, "password", OTHER_PASSWORD);

        register(attempt);
        drained();

        Map<String, Object> notice = api.mailbox().latest(ownerEmail, ATTEMPT_SUBJECT).orElseThrow();
        String content = notice.get("text") + " " + notice.get("html");
        assertThat(content).contains("alguém tentou criar uma conta", "Esqueci minha senha")
                .doesNotContain(OTHER_PASSWORD, (String) attempt.get("cpf"), formatted((String) attempt.get("cpf")),
                        (String) owner.get("cpf"), formatted((String) owner.get("cpf")), (String) attempt.get("name"));
        List<String> subjects = api.mailbox().subjects(ownerEmail);
        assertThat(subjects).as("one notice, no code for a second account").hasSize(2)
                .filteredOn(subject -> subject.startsWith(Api.VERIFICATION_SUBJECT)).hasSize(1);
        assertThat(subjects).filteredOn(subject -> subject.startsWith(ATTEMPT_SUBJECT)).hasSize(1);

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
        drained();

        assertThat(api.mailbox().subjects(email(attempt))).singleElement().asString().startsWith(NOT_COMPLETED_SUBJECT);
        Map<String, Object> notice = api.mailbox().latest(email(attempt), NOT_COMPLETED_SUBJECT).orElseThrow();
        String content = notice.get("text") + " " + notice.get("html");
        assertThat(content).contains("não foi possível concluir o cadastro", "Esqueci minha senha")
                .doesNotContain(email(owner), (String) owner.get("name"), (String) owner.get("cpf"), formatted((String) owner.get("cpf")))
                .doesNotContainPattern("\\d{4}-\\d{4}");
        assertCode(api.document("loginPatient").variable("login", email(attempt)).variable("password", Api.PASSWORD),
                "INVALID_CREDENTIALS");
        // The address typed is still free.
        api.registerPatient(with(Api.newPatient(), "email", email(attempt)));
    }

    @Test
    void theCodeTheAddressAndThePasswordVerifyThePatientWithoutASessionAndOpenOne() {
        Map<String, Object> input = Api.newPatient();
        String email = api.registerAndAwaitCode(input);
        assertThat(api.mailbox().latest(email, Api.VERIFICATION_SUBJECT).orElseThrow().get("text").toString())
                .contains("https://app.healthmed.example/conta/verificar-email?codigo=");
        // before: the password alone opens nothing
        assertCode(api.document("loginPatient").variable("login", email).variable("password", Api.PASSWORD), "INVALID_CREDENTIALS");

        Map<String, Object> session = verify(api, email, api.mailbox().code(email, Api.VERIFICATION_SUBJECT), Api.PASSWORD).execute()
                .path("verifyEmailAndLogin").entity(Map.class).get();

        Api patient = api.as((String) session.get("accessToken"));
        patient.tester().document("{ me { ... on Patient { email emailVerified } } }").execute()
                .path("me.email").entity(String.class).isEqualTo(email)
                .path("me.emailVerified").entity(Boolean.class).isEqualTo(true);
        api.document("refreshSession").variable("refreshToken", session.get("refreshToken")).execute()
                .path("refreshSession.accessToken").hasValue();
        patient.acceptTeleconsultationConsent();
        // after: the password logs in, by e-mail and by CPF
        api.document("loginPatient").variable("login", email).variable("password", Api.PASSWORD).execute()
                .path("loginPatient.accessToken").hasValue();
        api.document("loginPatient").variable("login", input.get("cpf")).variable("password", Api.PASSWORD).execute()
                .path("loginPatient.accessToken").hasValue();
    }

    /**
     * Pre-registered account takeover: someone registers the victim's address with a password of their
     * own. The victim's code alone does not verify it (the password proves the registrant), and a wrong
     * password answers as a wrong code, leaving the code unused; the victim takes the account with a
     * password reset, which verifies the address and leaves the registrant's password worthless.
     */
    @Test
    void theCodeWithAnotherPasswordVerifiesNothingAndTheOwnerTakesTheAccountWithAPasswordReset() {
        Api attacker = fromOwnNetwork();
        Api victim = fromOwnNetwork();
        Map<String, Object> registered = with(Api.newPatient(), "password", OTHER_PASSWORD);
        String email = attacker.registerAndAwaitCode(registered);
        String code = victim.mailbox().code(email, Api.VERIFICATION_SUBJECT);

        ResponseError otherPassword = singleError(verify(victim, email, code, Api.PASSWORD));
        ResponseError wrongCode = singleError(verify(victim, email, otherThan(code), Api.PASSWORD));
        assertThat(otherPassword.getExtensions()).containsEntry("code", "VERIFICATION_CODE_INVALID").isEqualTo(wrongCode.getExtensions());
        assertThat(otherPassword.getMessage()).isEqualTo(wrongCode.getMessage());
        assertThat(patient(email).emailVerified()).isFalse();

        victim.document("requestPasswordReset").variable("login", email).execute()
                .path("requestPasswordReset").entity(Boolean.class).isEqualTo(true);
        Matcher link = RESET_LINK.matcher((String) victim.mailbox().await(email, "Redefinição de senha").get("text"));
        assertThat(link.find()).isTrue();
        victim.document("resetPassword").variable("token", link.group(1)).variable("new", Api.PASSWORD).execute()
                .path("resetPassword").entity(Boolean.class).isEqualTo(true);

        assertThat(patient(email).emailVerified()).isTrue();
        victim.document("loginPatient").variable("login", email).variable("password", Api.PASSWORD).execute()
                .path("loginPatient.accessToken").hasValue();
        assertCode(attacker.document("loginPatient").variable("login", email).variable("password", OTHER_PASSWORD), "INVALID_CREDENTIALS");
        assertThat(kinds(email)).containsSubsequence("LOGIN_SUCCEEDED", "EMAIL_VERIFIED", "PASSWORD_RESET", "PASSWORD_RESET_REQUESTED");
    }

    @Test
    void aWrongPasswordLeavesTheCodeUnusedAndCountsAgainstTheSameBudgetAsAWrongCode() {
        Api client = fromOwnNetwork();
        Map<String, Object> input = Api.newPatient();
        String email = client.registerAndAwaitCode(input);
        String code = client.mailbox().code(email, Api.VERIFICATION_SUBJECT);
        for (int i = 0; i < 2; i++) {
            assertCode(verify(client, email, code, "wrong password " + i), "VERIFICATION_CODE_INVALID");
        }
        verify(client, email, code, Api.PASSWORD).execute().path("verifyEmailAndLogin.accessToken").hasValue(); // still unused

        Map<String, Object> other = Api.newPatient();
        String otherEmail = client.registerAndAwaitCode(other);
        String otherCode = client.mailbox().code(otherEmail, Api.VERIFICATION_SUBJECT);
        for (int i = 0; i < 2; i++) {
            assertCode(verify(client, otherEmail, otherCode, "wrong password " + i), "VERIFICATION_CODE_INVALID");
            assertCode(verify(client, otherEmail, otherThan(otherCode), Api.PASSWORD), "VERIFICATION_CODE_INVALID");
        }
        assertCode(verify(client, otherEmail, otherCode, "wrong password 2"), "VERIFICATION_CODE_INVALID");
        assertCode(verify(client, otherEmail, otherCode, Api.PASSWORD), "TOO_MANY_ATTEMPTS"); // 5 wrong: the right pair waits
    }

    @Test
    void aPatientWhoTurnedOnTwoFactorLoginIsAskedForTheSecondFactorAfterTheCode() {
        Map<String, Object> input = Api.newPatient();
        Api patient = api.as((String) unverifiedSessions.register(input).get("accessToken"));
        String secret = patient.document("beginTwoFactorEnrolment").execute().path("beginTwoFactorEnrolment.secret")
                .entity(String.class).get();
        patient.document("confirmTwoFactorEnrolment").variable("code", totp(secret)).execute()
                .path("confirmTwoFactorEnrolment.recoveryCodes").hasValue();

        verify(api, email(input), api.mailbox().code(email(input), Api.VERIFICATION_SUBJECT), Api.PASSWORD).execute()
                .path("verifyEmailAndLogin.challenge").hasValue()
                .path("verifyEmailAndLogin.accessToken").pathDoesNotExist();
        patient.tester().document("{ me { ... on Patient { emailVerified } } }").execute()
                .path("me.emailVerified").entity(Boolean.class).isEqualTo(true);
    }

    /**
     * A deactivated account is refused once code and password are proven, and the refusal changes
     * nothing: the code stays unused (the same answer again, not VERIFICATION_CODE_USED), the e-mail
     * unverified, and nothing is added to the account's log.
     */
    @Test
    void aDeactivatedAccountIsRefusedWithoutUsingTheCodeOrVerifyingOrLogging() {
        Map<String, Object> input = Api.newPatient();
        Api patient = api.as((String) unverifiedSessions.register(input).get("accessToken"));
        patient.tester().document("mutation($p: String!) { deactivateAccount(password: $p) { deactivatedAt } }")
                .variable("p", Api.PASSWORD).execute().path("deactivateAccount.deactivatedAt").hasValue();
        String code = api.mailbox().code(email(input), Api.VERIFICATION_SUBJECT);
        List<String> logBefore = kinds(email(input));

        Api client = fromOwnNetwork();
        assertCode(verify(client, email(input), code, Api.PASSWORD), "ACCOUNT_DEACTIVATED");
        assertCode(verify(client, email(input), code, Api.PASSWORD), "ACCOUNT_DEACTIVATED");

        assertThat(patient(email(input)).emailVerified()).isFalse();
        assertThat(kinds(email(input))).isEqualTo(logBefore);
        // and a wrong password still answers as a wrong code: the deactivation is told only to who proved both
        assertCode(verify(client, email(input), code, OTHER_PASSWORD), "VERIFICATION_CODE_INVALID");
    }

    @Test
    void theAccountsOwnCodePastItsTimeIsExpiredWithoutASessionToo() {
        Api client = fromOwnNetwork();
        String email = client.registerAndAwaitCode(Api.newPatient());
        String code = client.mailbox().code(email, Api.VERIFICATION_SUBJECT);

        clock.advance(Duration.ofMinutes(31));

        assertCode(verify(client, email, code, Api.PASSWORD), "VERIFICATION_CODE_EXPIRED");
        assertThat(patient(email).emailVerified()).isFalse();
    }

    @Test
    void anAddressWithoutAnAccountOrAnotherPatientsAddressAnswersExactlyAsAWrongCode() {
        Api client = fromOwnNetwork();
        String mine = client.registerAndAwaitCode(Api.newPatient());
        String theirs = client.registerAndAwaitCode(Api.newPatient());
        String myCode = client.mailbox().code(mine, Api.VERIFICATION_SUBJECT);

        ResponseError wrongCode = singleError(verify(client, mine, otherThan(myCode), Api.PASSWORD));
        ResponseError wrongAddress = singleError(verify(client, theirs, myCode, Api.PASSWORD));
        ResponseError noAccount = singleError(verify(client, "ninguem." + System.nanoTime() + "@example.com", myCode, Api.PASSWORD));

        assertThat(wrongCode.getExtensions()).containsEntry("code", "VERIFICATION_CODE_INVALID").containsEntry("field", "code");
        assertThat(wrongAddress.getExtensions()).isEqualTo(wrongCode.getExtensions());
        assertThat(noAccount.getExtensions()).isEqualTo(wrongCode.getExtensions());
        assertThat(List.of(wrongAddress.getMessage(), noAccount.getMessage())).containsOnly(wrongCode.getMessage());
        assertThat(singleError(verify(client, "not an address", myCode, Api.PASSWORD)).getExtensions()).containsEntry("code", "INVALID_EMAIL");

        verify(client, mine, myCode, Api.PASSWORD).execute().path("verifyEmailAndLogin.accessToken").hasValue();
        assertCode(verify(client, mine, myCode, Api.PASSWORD), "VERIFICATION_CODE_USED");
    }

    @Test
    void wrongCodesAreThrottledPerAddressTypedAlikeWithOrWithoutAnAccount() {
        Api client = fromOwnNetwork();
        String known = client.registerAndAwaitCode(Api.newPatient());
        String code = client.mailbox().code(known, Api.VERIFICATION_SUBJECT);
        String unknown = "ninguem." + System.nanoTime() + "@example.com";
        for (int i = 0; i < 5; i++) {
            assertCode(verify(client, known, otherThan(code), Api.PASSWORD), "VERIFICATION_CODE_INVALID");
            assertCode(verify(client, unknown, otherThan(code), Api.PASSWORD), "VERIFICATION_CODE_INVALID");
        }

        ResponseError knownRefused = singleError(verify(client, known, code, Api.PASSWORD));
        ResponseError unknownRefused = singleError(verify(client, unknown, code, Api.PASSWORD));

        assertThat(knownRefused.getExtensions()).containsEntry("code", "TOO_MANY_ATTEMPTS").containsKey("retryAfterSeconds");
        assertThat(unknownRefused.getExtensions()).containsEntry("code", "TOO_MANY_ATTEMPTS").containsKey("retryAfterSeconds");
        // the same text, but for the seconds to wait, which tick on between the two requests
        assertThat(unknownRefused.getMessage().replaceAll("\\d+", "N")).isEqualTo(knownRefused.getMessage().replaceAll("\\d+", "N"));
    }

    /** A stranger's wrong codes lock the stranger's network out, not the owner, who verifies from another. */
    @Test
    void wrongCodesFromOneNetworkDoNotLockTheOwnerOutFromAnother() {
        Api owner = fromOwnNetwork();
        Api stranger = fromOwnNetwork();
        String email = owner.registerAndAwaitCode(Api.newPatient());
        String code = owner.mailbox().code(email, Api.VERIFICATION_SUBJECT);
        for (int i = 0; i < 5; i++) {
            assertCode(verify(stranger, email, otherThan(code), Api.PASSWORD), "VERIFICATION_CODE_INVALID");
        }
        assertCode(verify(stranger, email, code, Api.PASSWORD), "TOO_MANY_ATTEMPTS");

        verify(owner, email, code, Api.PASSWORD).execute().path("verifyEmailAndLogin.accessToken").hasValue();
    }

    @Test
    void wrongCodesAreThrottledPerNetwork() {
        Api client = fromOwnNetwork();
        for (int i = 0; i < 50; i++) { // the default limit per network, each for another address
            assertCode(verify(client, "alvo." + i + "." + System.nanoTime() + "@example.com", "1234-5678", Api.PASSWORD),
                    "VERIFICATION_CODE_INVALID");
        }

        assertCode(verify(client, "outro." + System.nanoTime() + "@example.com", "1234-5678", Api.PASSWORD), "TOO_MANY_ATTEMPTS");
    }

    /**
     * Without a session, a new code is asked for with the address alone: the answer is the same for an
     * unverified patient's address, a verified one's and one without an account, and only the first
     * gets a code (which replaces the old one).
     */
    @Test
    void aNewCodeWithoutASessionAnswersAlikeForEveryAddressAndGoesOnlyToAnUnverifiedPatient() {
        Api client = fromOwnNetwork();
        Map<String, Object> unverified = Api.newPatient();
        String pending = client.registerAndAwaitCode(unverified);
        String firstCode = client.mailbox().code(pending, Api.VERIFICATION_SUBJECT);
        Map<String, Object> verified = Api.newPatient();
        client.registerPatient(verified);
        String nobody = "ninguem." + System.nanoTime() + "@example.com";
        int verifiedMails = client.mailbox().to(email(verified)).size();

        Answer forPending = resendCode(client, pending);
        Answer forVerified = resendCode(client, email(verified));
        Answer forNobody = resendCode(client, nobody);
        drained();

        assertThat(forPending).isEqualTo(new Answer(200, "{\"data\":{\"resendVerificationCode\":true}}"));
        assertThat(List.of(forVerified, forNobody)).containsOnly(forPending);
        assertThat(client.mailbox().subjects(pending)).filteredOn(subject -> subject.startsWith(Api.VERIFICATION_SUBJECT)).hasSize(2);
        assertThat(client.mailbox().to(email(verified))).hasSize(verifiedMails);
        assertThat(client.mailbox().to(nobody)).isEmpty();
        String newCode = client.mailbox().code(pending, Api.VERIFICATION_SUBJECT);
        assertCode(verify(client, pending, firstCode, Api.PASSWORD), "VERIFICATION_CODE_INVALID");
        verify(client, pending, newCode, Api.PASSWORD).execute().path("verifyEmailAndLogin.accessToken").hasValue();
        assertThat(kinds(pending)).contains("EMAIL_VERIFICATION_SENT");
        assertThat(resendCode(client, "not an address").body()).contains("INVALID_EMAIL");
    }

    @Test
    void sessionLessCodeRequestsAreCountedPerAddressTypedAlikeWithOrWithoutAnAccount() {
        Api client = fromOwnNetwork();
        String known = client.registerAndAwaitCode(Api.newPatient());
        String unknown = "ninguem." + System.nanoTime() + "@example.com";
        for (int i = 0; i < 5; i++) { // every request counts, as a password-reset request does
            assertThat(resendCode(client, known).body()).contains("true");
            assertThat(resendCode(client, unknown).body()).contains("true");
        }

        Answer knownRefused = resendCode(client, known);
        Answer unknownRefused = resendCode(client, unknown);

        assertThat(knownRefused.body()).contains("TOO_MANY_ATTEMPTS", "retryAfterSeconds");
        // the same answer, but for the seconds to wait, which tick on between the two requests
        assertThat(unknownRefused.body().replaceAll("\\d+", "N")).isEqualTo(knownRefused.body().replaceAll("\\d+", "N"));
        drained();
        assertThat(client.mailbox().subjects(known)).filteredOn(subject -> subject.startsWith(Api.VERIFICATION_SUBJECT))
                .as("the registration's code and four more: five an hour per account").hasSize(5);
    }

    // --- helpers --------------------------------------------------------------------------------

    /** A response as the client gets it: the HTTP status and the body, exactly. */
    record Answer(int status, String body) {}

    Answer register(Map<String, Object> input) {
        return post(api, "mutation($input: RegisterPatientInput!) { registerPatient(input: $input) { email message } }",
                Map.of("input", input));
    }

    /** A document sent as a front-end would, from the client's network: the HTTP status and the body, exactly. */
    static Answer post(Api client, String query, Map<String, Object> variables) {
        EntityExchangeResult<String> result = WebTestClient.bindToServer().responseTimeout(Api.HANG_GUARD).baseUrl(client.baseUrl()).build()
                .post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .headers(headers -> client.headers().forEach(headers::set))
                .bodyValue(JsonMapper.builder().build().writeValueAsString(Map.of("query", query, "variables", variables)))
                .exchange().expectBody(String.class).returnResult();
        return new Answer(result.getStatus().value(), result.getResponseBody());
    }

    static org.springframework.graphql.test.tester.GraphQlTester.Request<?> verify(Api client, String email, String code, String password) {
        return client.document("verifyEmailAndLogin").variable("email", email).variable("code", code).variable("password", password);
    }

    Answer login(String login, String password) {
        return post(api, "mutation($l: String!, $p: String!) { loginPatient(login: $l, password: $p) { ... on AuthPayload { accessToken } } }",
                Map.of("l", login, "p", password));
    }

    Answer resendCode(Api client, String email) {
        return post(client, "mutation($e: String!) { resendVerificationCode(email: $e) }", Map.of("e", email));
    }

    /** Waits until the registrations (and code requests) queued so far ran: their accounts and e-mails are made. */
    void drained() {
        assertThat(registration.awaitQueuedRegistrations(Duration.ofSeconds(30))).isTrue();
    }

    PatientAccount patient(String email) {
        AccountId id = claims.holder(LoginClaim.of(new Email(email))).orElseThrow().owner();
        return (PatientAccount) accounts.find(id).orElseThrow();
    }

    /** The kinds of the account's security-log entries, newest first. */
    List<String> kinds(String email) {
        return securityEvents.page(patient(email).id(), Instant.EPOCH, 100, Optional.empty()).items().stream()
                .map(event -> event.kind().name()).toList();
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
