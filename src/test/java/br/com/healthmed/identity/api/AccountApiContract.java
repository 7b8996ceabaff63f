package br.com.healthmed.identity.api;

import br.com.healthmed.support.GlobalIds;

import static br.com.healthmed.identity.api.IdentityApiContract.assertCode;
import static br.com.healthmed.identity.api.IdentityApiContract.singleError;
import static br.com.healthmed.identity.api.IdentityApiContract.with;
import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.identity.AccountStore;
import br.com.healthmed.identity.UnverifiedSessions;
import br.com.healthmed.scheduling.TestUser;
import br.com.healthmed.support.Api;
import br.com.healthmed.support.Concurrently;
import br.com.healthmed.support.ClockedApiTest;
import br.com.healthmed.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Account self-service through the API, as its owner meets it: the security log, e-mail verification
 * (codes read from the embedded mailer's {@code /dev/mailbox}), e-mail change, corrections, the
 * privacy notice, and the gates on booking and sharing. Run on both storage
 * adapters. The configuration is the notifications API tests' (the context is shared): the service's
 * clock is the test's, running from where a test puts it.
 */
@ClockedApiTest
abstract class AccountApiContract {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final String EVENTS = """
            query($first: Int, $after: String) {
              mySecurityEvents(first: $first, after: $after) {
                edges { cursor node { kind at clientNetwork } }
                pageInfo { hasNextPage endCursor }
              }
            }""";

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

    // --- security log ---------------------------------------------------------------------------

    @Test
    void logInsLogoutsAndAReusedRefreshTokenAreInTheOwnersLogNewestFirstWithTheirNetwork() {
        Map<String, Object> input = Api.newPatient();
        String token = (String) api.registerPatientWithoutConsent(input).get("accessToken");
        Api fromHome = from("203.0.113.45");
        Map<String, Object> first = login(fromHome, input);
        assertCode(fromHome.document("loginPatient").variable("login", input.get("email")).variable("password", "wrong password 1"),
                "INVALID_CREDENTIALS");
        awaitKinds(token, List.of("LOGIN_FAILED", "LOGIN_SUCCEEDED", "EMAIL_VERIFIED"));

        String used = (String) first.get("refreshToken");
        fromHome.document("refreshSession").variable("refreshToken", used).execute().path("refreshSession.accessToken").hasValue();
        assertCode(from("2001:db8:1234:5678::9").document("refreshSession").variable("refreshToken", used), "INVALID_REFRESH_TOKEN");
        Map<String, Object> second = login(fromHome, input);
        fromHome.document("logout").variable("refreshToken", second.get("refreshToken")).execute().path("logout").hasValue();

        List<Map<String, Object>> events = events(token);
        assertThat(events).extracting(e -> e.get("kind"))
                .containsExactly("LOGGED_OUT", "LOGIN_SUCCEEDED", "SESSION_REVOKED_REUSE", "LOGIN_FAILED", "LOGIN_SUCCEEDED",
                        "EMAIL_VERIFIED");
        assertThat(events).extracting(e -> e.get("clientNetwork"))
                .containsExactly("203.0.113.0/24", "203.0.113.0/24", "2001:db8:1234::/48", "203.0.113.0/24", "203.0.113.0/24",
                        "127.0.0.0/24");
        assertThat(events.toString()).doesNotContain("203.0.113.45", "5678");
    }

    @Test
    void aWrongPasswordForAnUnknownLoginLeavesNoTraceAndTheSameAnswer() {
        Map<String, Object> input = Api.newPatient();
        String token = (String) api.registerPatientWithoutConsent(input).get("accessToken");

        ResponseError unknown = singleError(api.document("loginPatient")
                .variable("login", "ninguem." + System.nanoTime() + "@example.com").variable("password", "wrong password 1"));
        ResponseError known = singleError(api.document("loginPatient")
                .variable("login", input.get("email")).variable("password", "wrong password 1"));

        assertThat(unknown.getExtensions()).isEqualTo(known.getExtensions());
        assertThat(unknown.getMessage()).isEqualTo(known.getMessage());
        awaitKinds(token, List.of("LOGIN_FAILED", "EMAIL_VERIFIED"));
    }

    @Test
    void theLogIsReadPageByPageAndOnlyByItsOwner() {
        Map<String, Object> input = Api.newPatient();
        String token = (String) api.registerPatientWithoutConsent(input).get("accessToken");
        for (int i = 0; i < 4; i++) {
            login(api, input);
        }

        List<String> cursors = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            Map<String, Object> page = api.as(token).tester().document(EVENTS).variable("first", 2).variable("after", after)
                    .execute().path("mySecurityEvents").entity(Map.class).get();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> edges = (List<Map<String, Object>>) page.get("edges");
            edges.forEach(edge -> cursors.add((String) edge.get("cursor")));
            @SuppressWarnings("unchecked")
            Map<String, Object> info = (Map<String, Object>) page.get("pageInfo");
            after = Boolean.TRUE.equals(info.get("hasNextPage")) ? (String) info.get("endCursor") : null;
            pages++;
        } while (after != null);

        assertThat(pages).isEqualTo(3);
        assertThat(cursors).hasSize(5).doesNotHaveDuplicates(); // four logins and the e-mail's verification
        String someoneElse = unverified(Api.newPatient());
        assertThat(events(someoneElse)).extracting(e -> e.get("kind")).containsExactly("LOGIN_SUCCEEDED"); // theirs alone
        assertCode(api.tester().document(EVENTS), "UNAUTHENTICATED");
        ResponseError badCursor = singleError(api.as(token).tester().document(EVENTS).variable("after", "bm90IGEgY3Vyc29y"));
        assertThat(badCursor.getExtensions()).containsEntry("code", "BAD_USER_INPUT").containsEntry("field", "after");
        ResponseError tooMany = singleError(api.as(token).tester().document(EVENTS).variable("first", 101));
        assertThat(tooMany.getExtensions()).containsEntry("code", "BAD_USER_INPUT").containsEntry("field", "first");
    }

    static final String NEWER_EVENTS = """
            query($last: Int, $before: String) {
              mySecurityEvents(last: $last, before: $before) {
                edges { cursor node { kind } }
                pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
              }
            }""";

    /** Read backwards, the log gives what happened since a page the client holds, newest first and each entry once. */
    @Test
    void theLogReadBackwardsFromAPagesStartCursorGivesTheNewerEntriesOnce() {
        Map<String, Object> input = Api.newPatient();
        String token = (String) api.registerPatientWithoutConsent(input).get("accessToken");
        login(api, input);
        awaitKinds(token, List.of("LOGIN_SUCCEEDED", "EMAIL_VERIFIED"));
        String held = api.as(token).tester().document(EVENTS).variable("first", 20).execute()
                .path("mySecurityEvents.edges[0].cursor").entity(String.class).get(); // the newest entry the client has seen
        clock.advance(Duration.ofSeconds(1)); // what follows is later, whatever the ids
        for (int i = 0; i < 3; i++) {
            login(api, input);
        }
        awaitKinds(token, List.of("LOGIN_SUCCEEDED", "LOGIN_SUCCEEDED", "LOGIN_SUCCEEDED", "LOGIN_SUCCEEDED", "EMAIL_VERIFIED"));

        List<String> newer = new ArrayList<>();
        String before = held;
        boolean more = true;
        while (more) {
            GraphQlTester.Response page = api.as(token).tester().document(NEWER_EVENTS).variable("last", 2).variable("before", before).execute();
            List<String> cursors = page.path("mySecurityEvents.edges[*].cursor").entityList(String.class).get();
            page.path("mySecurityEvents.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true); // the held entry, at least
            newer.addAll(0, cursors);
            more = page.path("mySecurityEvents.pageInfo.hasPreviousPage").entity(Boolean.class).get();
            before = page.path("mySecurityEvents.pageInfo.startCursor").entity(String.class).get();
        }
        List<String> all = api.as(token).tester().document(EVENTS).variable("first", 20).execute()
                .path("mySecurityEvents.edges[*].cursor").entityList(String.class).get();
        assertThat(newer).as("the three logins since, newest first").containsExactlyElementsOf(all.subList(0, 3));

        ResponseError both = singleError(api.as(token).tester().document(
                "query { mySecurityEvents(first: 2, last: 2) { edges { cursor } } }"));
        assertThat(both.getExtensions()).containsEntry("code", "BAD_USER_INPUT").containsEntry("field", "last");
    }

    /** A refused log is null beside its error, never an empty page that would read as "nothing happened". */
    @Test
    void aRefusedLogIsNullNotAnEmptyPage() {
        GraphQlTester.Response anonymous = api.tester().document(EVENTS).execute();
        anonymous.errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "UNAUTHENTICATED")));
        anonymous.path("mySecurityEvents").valueIsNull();
        String token = unverified(Api.newPatient());
        GraphQlTester.Response badCursor = api.as(token).tester().document(NEWER_EVENTS).variable("before", "bm90IGEgY3Vyc29y").execute();
        badCursor.errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "BAD_USER_INPUT").containsEntry("field", "before")));
        badCursor.path("mySecurityEvents").valueIsNull();
    }

    // --- e-mail verification ---------------------------------------------------------------------

    @Test
    void anUnverifiedPatientBrowsesButNeitherBooksNorSharesUntilTheCodeFromTheEmailVerifiesThem() {
        Map<String, Object> input = Api.newPatient();
        String token = unverified(input);
        Api patient = api.as(token);
        TestUser doctor = TestUser.doctor(api);
        String slot = doctor.publish(clock.instant().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS));
        patient.tester().document(ME).execute().path("me.emailVerified").entity(Boolean.class).isEqualTo(false);
        patient.tester().document("{ specialties { code } }").execute().path("specialties").hasValue();

        String key = "booking-" + java.util.UUID.randomUUID();
        assertCode(patient.tester().document(BOOK).variable("slotId", slot).variable("key", key), "EMAIL_NOT_VERIFIED");
        assertCode(patient.tester().document(SHARE).variable("doctor", doctor.id()), "EMAIL_NOT_VERIFIED");

        Map<String, Object> mail = api.mailbox().latest(email(input), Api.VERIFICATION_SUBJECT).orElseThrow();
        String code = api.mailbox().code(email(input), Api.VERIFICATION_SUBJECT);
        assertThat((String) mail.get("text")).contains("https://app.healthmed.example/conta/verificar-email?codigo=" + code.replace("-", ""));
        assertThat((String) mail.get("subject")).doesNotContain(code);
        verify(patient, code.replace("-", " ")).path("verifyEmail.emailVerified").entity(Boolean.class).isEqualTo(true);

        patient.tester().document(ME).execute().path("me.emailVerified").entity(Boolean.class).isEqualTo(true);
        patient.acceptTeleconsultationConsent(); // booking's other rule (ConsentRequired)
        patient.tester().document(BOOK).variable("slotId", slot).variable("key", key).execute()
                .path("bookAppointment.appointment.status").entity(String.class).isEqualTo("REQUESTED");
        patient.tester().document(SHARE).variable("doctor", doctor.id()).execute().path("shareRecord.id").hasValue();
        assertThat(kinds(token)).containsExactlyInAnyOrder("LOGIN_SUCCEEDED", "EMAIL_VERIFIED", "CONSENT_ACCEPTED");
    }

    @Test
    void wrongForeignReusedAndExpiredCodesAreRefusedWithCodesThatSayNothingOfAnyAccount() {
        Map<String, Object> mine = Api.newPatient();
        Api me = api.as(unverified(mine));
        Map<String, Object> theirs = Api.newPatient();
        unverified(theirs);
        String myCode = api.mailbox().code(email(mine), Api.VERIFICATION_SUBJECT);
        String theirCode = api.mailbox().code(email(theirs), Api.VERIFICATION_SUBJECT);

        ResponseError wrong = singleError(verifyRequest(me, "0000-0000".equals(myCode) ? "1111-1111" : "0000-0000"));
        ResponseError foreign = singleError(verifyRequest(me, theirCode));
        assertThat(wrong.getExtensions()).containsEntry("code", "VERIFICATION_CODE_INVALID").containsEntry("field", "code");
        assertThat(foreign.getExtensions()).isEqualTo(wrong.getExtensions());
        assertThat(foreign.getMessage()).isEqualTo(wrong.getMessage());
        assertCode(verifyRequest(me, "not a code"), "VERIFICATION_CODE_INVALID");

        verify(me, myCode).path("verifyEmail.emailVerified").entity(Boolean.class).isEqualTo(true);
        assertCode(verifyRequest(me, myCode), "VERIFICATION_CODE_USED");

        Map<String, Object> late = Api.newPatient();
        Api slow = api.as(unverified(late));
        String expiring = api.mailbox().code(email(late), Api.VERIFICATION_SUBJECT);
        clock.advance(Duration.ofMinutes(31));
        assertCode(verifyRequest(slow, expiring), "VERIFICATION_CODE_EXPIRED");
        slow.tester().document(ME).execute().path("me.emailVerified").entity(Boolean.class).isEqualTo(false);
    }

    @Test
    void fiveWrongCodesMakeTheAccountWaitEvenWithTheRightOne() {
        Map<String, Object> input = Api.newPatient();
        Api patient = api.as(unverified(input));
        String code = api.mailbox().code(email(input), Api.VERIFICATION_SUBJECT);
        String wrong = code.equals("1234-5678") ? "8765-4321" : "1234-5678";
        for (int i = 0; i < 5; i++) {
            assertCode(verifyRequest(patient, wrong), "VERIFICATION_CODE_INVALID");
        }

        ResponseError refused = singleError(verifyRequest(patient, code));
        assertThat(refused.getExtensions()).containsEntry("code", "TOO_MANY_ATTEMPTS");
        assertThat(((Number) refused.getExtensions().get("retryAfterSeconds")).longValue()).isBetween(1L, 900L);

        clock.advance(Duration.ofMinutes(15).plusSeconds(1)); // the wrong attempts leave the window; the code still works
        verify(patient, code).path("verifyEmail.emailVerified").entity(Boolean.class).isEqualTo(true);
    }

    @Test
    void resendingSendsANewCodeThatReplacesTheOldOneAtMostFiveCodesAnHour() {
        Map<String, Object> input = Api.newPatient();
        String token = unverified(input);
        Api patient = api.as(token);
        String first = api.mailbox().code(email(input), Api.VERIFICATION_SUBJECT);

        String second = first;
        for (int i = 0; i < 4; i++) { // the registration's code was the first of five
            patient.tester().document(RESEND).execute().path("resendVerification").entity(Boolean.class).isEqualTo(true);
            second = api.mailbox().code(email(input), Api.VERIFICATION_SUBJECT);
        }
        assertThat(api.mailbox().to(email(input))).hasSize(5);
        ResponseError tooMany = singleError(patient.tester().document(RESEND));
        assertThat(tooMany.getExtensions()).containsEntry("code", "TOO_MANY_ATTEMPTS");

        assertCode(verifyRequest(patient, first), "VERIFICATION_CODE_INVALID");
        verify(patient, second).path("verifyEmail.emailVerified").entity(Boolean.class).isEqualTo(true);
        assertCode(patient.tester().document(RESEND), "EMAIL_ALREADY_VERIFIED");
        assertThat(kinds(token)).containsExactly("EMAIL_VERIFIED", "EMAIL_VERIFICATION_SENT",
                "EMAIL_VERIFICATION_SENT", "EMAIL_VERIFICATION_SENT", "EMAIL_VERIFICATION_SENT", "LOGIN_SUCCEEDED");
        assertCode(api.tester().document(RESEND), "UNAUTHENTICATED");
    }

    // --- e-mail change --------------------------------------------------------------------------

    @Test
    void anEmailChangesOnlyOnceTheNewAddressConfirmsItAndTheOldOneIsToldAndLetGo() {
        Map<String, Object> input = Api.newPatient();
        String token = (String) api.registerPatientWithoutConsent(input).get("accessToken");
        Api patient = api.as(token);
        String old = email(input);
        String next = "nova." + System.nanoTime() + "@example.com";

        assertCode(requestChange(patient, next, "not my password"), "INVALID_CREDENTIALS");
        requestChange(patient, next, Api.PASSWORD).execute().path("requestEmailChange").entity(Boolean.class).isEqualTo(true);

        Map<String, Object> notice = api.mailbox().latest(old, "Pedido de troca do e-mail").orElseThrow();
        String local = next.substring(0, next.indexOf('@'));
        assertThat((String) notice.get("text")).contains("n***" + local.charAt(local.length() - 1) + "@example.com")
                .doesNotContain(next).doesNotContainPattern("\\d{4}-\\d{4}");
        String code = api.mailbox().code(next, "Confirme seu novo e-mail");
        patient.tester().document(ME).execute().path("me.email").entity(String.class).isEqualTo(old);
        login(api, input);

        patient.tester().document(CONFIRM).variable("code", code).execute()
                .path("confirmEmailChange.email").entity(String.class).isEqualTo(next);

        patient.tester().document(ME).execute().path("me.email").entity(String.class).isEqualTo(next)
                .path("me.emailVerified").entity(Boolean.class).isEqualTo(true);
        login(api, with(input, "email", next));
        assertCode(api.document("loginPatient").variable("login", old).variable("password", Api.PASSWORD), "INVALID_CREDENTIALS");
        assertCode(patient.tester().document(CONFIRM).variable("code", code), "VERIFICATION_CODE_USED");
        api.registerPatientWithoutConsent(with(Api.newPatient(), "email", old)); // the old address is free for anyone again
        assertThat(kinds(token)).containsExactly("LOGIN_SUCCEEDED", "EMAIL_CHANGED", "LOGIN_SUCCEEDED", "EMAIL_CHANGE_REQUESTED",
                "EMAIL_VERIFIED");
    }

    @Test
    void anAddressAnotherAccountUsesIsTakenAndOfTwoRacingConfirmationsExactlyOneWins() throws Exception {
        Map<String, Object> someone = Api.newPatient();
        api.registerPatientWithoutConsent(someone);
        Api first = api.as((String) api.registerPatientWithoutConsent(Api.newPatient()).get("accessToken"));
        Api second = api.as((String) api.registerPatientWithoutConsent(Api.newPatient()).get("accessToken"));

        // The request answers as for a free address (no early EMAIL_TAKEN for any logged-in account to probe
        // with); only the confirmation, with the code sent to that mailbox, says the address is taken.
        requestChange(first, email(someone).toUpperCase(), Api.PASSWORD).execute()
                .path("requestEmailChange").entity(Boolean.class).isEqualTo(true);
        String takenCode = api.mailbox().code(email(someone), "Confirme seu novo e-mail");
        assertThat(confirmOutcome(first, takenCode)).isEqualTo("EMAIL_TAKEN");

        String contested = "disputado." + System.nanoTime() + "@example.com";
        requestChange(first, contested, Api.PASSWORD).execute().path("requestEmailChange").hasValue();
        String firstCode = api.mailbox().code(contested, "Confirme seu novo e-mail");
        requestChange(second, contested, Api.PASSWORD).execute().path("requestEmailChange").hasValue();
        String secondCode = api.mailbox().code(contested, "Confirme seu novo e-mail");

        List<Object> results = Concurrently.run(2, i -> () -> confirmOutcome(i == 0 ? first : second, i == 0 ? firstCode : secondCode));

        assertThat(results).containsExactlyInAnyOrder(contested, "EMAIL_TAKEN");
        long owners = java.util.stream.Stream.of(first, second)
                .map(client -> client.tester().document(ME).execute().path("me.email").entity(String.class).get())
                .filter(contested::equals).count();
        assertThat(owners).isEqualTo(1);
    }

    @Test
    void aDoctorGivesTheAccountAVerifiedEmailWhichNoOneElseMayRegister() {
        Map<String, Object> input = Api.newDoctor();
        Api doctor = api.as((String) api.registerDoctor(input).get("accessToken"));
        doctor.tester().document(ME).execute().path("me.accountEmail").valueIsNull();
        String address = "dra." + System.nanoTime() + "@example.com";
        assertCode(doctor.tester().document(RESEND), "WRONG_ROLE");

        requestChange(doctor, address, Api.PASSWORD).execute().path("requestEmailChange").entity(Boolean.class).isEqualTo(true);
        doctor.tester().document(CONFIRM).variable("code", api.mailbox().code(address, "Confirme seu novo e-mail")).execute()
                .path("confirmEmailChange.accountEmail").entity(String.class).isEqualTo(address);

        doctor.tester().document(ME).execute().path("me.accountEmail").entity(String.class).isEqualTo(address);
        assertThat(api.mailbox().to(address)).hasSize(1);
        // The address is taken: registering with it creates nothing and tells its owner, the doctor.
        api.document("registerPatient").variable("input", with(Api.newPatient(), "email", address)).execute()
                .path("registerPatient.email").entity(String.class).isEqualTo(address);
        assertThat(api.mailbox().await(address, "Tentativa de cadastro").get("text").toString()).contains("Olá, Dra.");
    }

    // --- correction -----------------------------------------------------------------------------

    @Test
    void theOwnerCorrectsNamePhoneAndBirthDateWithTheSameRulesAsRegistrationAndTheReasonIsKept() {
        Map<String, Object> input = Api.newPatient();
        Map<String, Object> session = api.registerPatientWithoutConsent(input);
        Api patient = api.as((String) session.get("accessToken"));

        patient.tester().document(UPDATE).variable("input", Map.of("name", "  Ana   Souza Lima ", "phone", "(21) 98888-7777",
                        "birthDate", "1991-05-17", "birthDateReason", "Data errada no cadastro"))
                .execute().path("updateMyAccount.name").entity(String.class).isEqualTo("Ana Souza Lima")
                .path("updateMyAccount.phone").entity(String.class).isEqualTo("+5521988887777")
                .path("updateMyAccount.birthDate").entity(String.class).isEqualTo("1991-05-17");
        patient.tester().document(UPDATE).variable("input", Map.of("phone", "")).execute()
                .path("updateMyAccount.phone").valueIsNull()
                .path("updateMyAccount.name").entity(String.class).isEqualTo("Ana Souza Lima");

        assertRefused(patient, Map.of("phone", "call me"), "INVALID_PHONE", "input.phone");
        assertRefused(patient, Map.of("name", "   "), "BAD_USER_INPUT", "input.name");
        assertRefused(patient, Map.of("birthDate", "2999-01-01", "birthDateReason", "Data errada"), "INVALID_BIRTH_DATE", "input.birthDate");
        assertRefused(patient, Map.of("birthDate", "1992-01-01"), "BAD_USER_INPUT", "input.birthDateReason");
        assertRefused(patient, Map.of("cpf", "52998224725"), "GRAPHQL_VALIDATION_FAILED", null);
        @SuppressWarnings("unchecked")
        String id = (String) ((Map<String, Object>) session.get("account")).get("id");
        assertThat(accounts.birthDateCorrections(AccountId.of(GlobalIds.key(id)))).singleElement().satisfies(correction -> {
            assertThat(correction.previous()).hasToString("1990-05-17");
            assertThat(correction.corrected()).hasToString("1991-05-17");
            assertThat(correction.reason()).isEqualTo("Data errada no cadastro");
        });
        assertThat(kinds((String) session.get("accessToken"))).containsExactly("ACCOUNT_UPDATED", "ACCOUNT_UPDATED", "EMAIL_VERIFIED");

        Api doctor = api.as((String) api.registerDoctor(Api.newDoctor()).get("accessToken"));
        doctor.tester().document(UPDATE).variable("input", Map.of("phone", "+55 11 3333-4444")).execute()
                .path("updateMyAccount.phone").entity(String.class).isEqualTo("+551133334444");
        assertRefused(doctor, Map.of("birthDate", "1980-01-01", "birthDateReason", "Sou médica"), "BAD_USER_INPUT", "input.birthDate");
    }

    // --- privacy notice -------------------------------------------------------------------------

    @Test
    void thePrivacyNoticeIsPublic() {
        api.tester().document("{ privacyNotice { controller dpoContact text version } }").execute()
                .path("privacyNotice.controller").entity(String.class).isEqualTo("Health&Med Serviços de Telemedicina Ltda.")
                .path("privacyNotice.dpoContact").entity(String.class).isEqualTo("encarregado@healthmed.com.br")
                .path("privacyNotice.version").entity(String.class).isEqualTo("2026-12-01")
                .path("privacyNotice.text").entity(String.class).satisfies(text -> assertThat(text).contains("Lei 13.787/2018", "encarregado"));
    }

    // --- helpers --------------------------------------------------------------------------------

    static final String ME = "{ me { ... on Patient { email emailVerified } ... on Doctor { accountEmail } } }";
    static final String BOOK = "mutation($slotId: ID!, $key: String!) { bookAppointment(slotId: $slotId, idempotencyKey: $key) { appointment { status } } }";
    static final String SHARE = "mutation($doctor: ID!) { shareRecord(input: {doctorId: $doctor, allFiles: true, durationHours: 24}) { id } }";
    static final String VERIFY = "mutation($code: String!) { verifyEmail(code: $code) { emailVerified } }";
    static final String RESEND = "mutation { resendVerification }";
    static final String REQUEST_CHANGE = "mutation($e: String!, $p: String!) { requestEmailChange(newEmail: $e, password: $p) }";
    static final String CONFIRM = "mutation($code: String!) { confirmEmailChange(code: $code) { ... on Patient { email } ... on Doctor { accountEmail } } }";
    static final String UPDATE = """
            mutation($input: UpdateMyAccountInput!) {
              updateMyAccount(input: $input) { name ... on Patient { phone birthDate } ... on Doctor { phone } }
            }""";

    @Autowired
    AccountStore accounts;

    @Autowired
    UnverifiedSessions unverifiedSessions;

    /** A logged-in patient who has not used the verification code (yet): their access token ({@link UnverifiedSessions}). */
    String unverified(Map<String, Object> input) {
        return (String) unverifiedSessions.register(input).get("accessToken");
    }

    static String email(Map<String, Object> input) {
        return ((String) input.get("email")).toLowerCase();
    }

    GraphQlTester.Request<?> verifyRequest(Api client, String code) {
        return client.tester().document(VERIFY).variable("code", code);
    }

    GraphQlTester.Response verify(Api client, String code) {
        return verifyRequest(client, code).execute();
    }

    static GraphQlTester.Request<?> requestChange(Api client, String newEmail, String password) {
        return client.tester().document(REQUEST_CHANGE).variable("e", newEmail).variable("p", password);
    }

    /** The new address, or the error code. */
    static Object confirmOutcome(Api client, String code) {
        Object[] outcome = new Object[1];
        client.tester().document(CONFIRM).variable("code", code).execute().errors().satisfy(errors -> {
            if (!errors.isEmpty()) {
                outcome[0] = errors.get(0).getExtensions().get("code");
            }
        });
        return outcome[0] != null ? outcome[0]
                : client.tester().document(ME).execute().path("me.email").entity(String.class).get();
    }

    static void assertRefused(Api client, Map<String, Object> input, String code, String field) {
        ResponseError error = singleError(client.tester().document(UPDATE).variable("input", input));
        assertThat(error.getExtensions()).containsEntry("code", code);
        if (field != null) {
            assertThat(error.getExtensions()).containsEntry("field", field);
        }
    }

    List<Object> kinds(String token) {
        return events(token).stream().map(e -> e.get("kind")).toList();
    }

    /** A client whose requests a trusted proxy (loopback, in the local profile) forwards for {@code address}. */
    Api from(String address) {
        return Api.at(port).withHeader("X-Forwarded-For", address);
    }

    static Map<String, Object> login(Api client, Map<String, Object> input) {
        return client.document("loginPatient").variable("login", input.get("email")).variable("password", input.get("password"))
                .execute().path("loginPatient").entity(Map.class).get();
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> events(String token) {
        List<Map<String, Object>> edges = api.as(token).tester().document(EVENTS).variable("first", 100).execute()
                .path("mySecurityEvents.edges").entity(List.class).get();
        return edges.stream().map(edge -> (Map<String, Object>) edge.get("node")).toList();
    }

    /** Some entries are written after the answer (a failed login): wait for the log to read as expected. */
    void awaitKinds(String token, List<String> kinds) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            List<Object> found = events(token).stream().map(e -> e.get("kind")).toList();
            if (found.equals(kinds)) {
                return;
            }
            assertThat(Instant.now()).as("security log %s, expected %s", found, kinds).isBefore(deadline);
            pause();
        }
    }

    static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
