package br.com.healthmed.privacy;

import br.com.healthmed.support.GlobalIds;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.identity.AccountSummary;
import br.com.healthmed.identity.PatientSummary;
import br.com.healthmed.identity.AccountDirectory;
import br.com.healthmed.identity.AccountId;
import br.com.healthmed.identity.PatientAccount;
import br.com.healthmed.records.BlobStore;
import br.com.healthmed.records.RecordPortability;
import br.com.healthmed.records.api.RecordClient;
import br.com.healthmed.records.api.Samples;
import br.com.healthmed.scheduling.TestUser;
import br.com.healthmed.support.Api;
import br.com.healthmed.support.Mailbox;
import br.com.healthmed.support.MutableClock;
import br.com.healthmed.support.ClockedApiTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import tools.jackson.databind.json.JsonMapper;

/**
 * The LGPD operations through the API, as a patient and a doctor meet them: a copy of everything held
 * about them (the ZIP read back file by file), one at a time, throttled, expiring; deactivation and its
 * cascade (sessions, appointments with the other party e-mailed, shares, search), reactivation within
 * the grace, anonymisation after it and registering again with the same CPF, e-mail and CRM. The
 * service's clock is the test's, running on from wherever a test puts it. Same context as the
 * notifications API tests (the mailbox, the clock), on both storage adapters.
 */
@ClockedApiTest
abstract class PrivacyApiContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    PrivacySweep sweep;

    @Autowired
    DataExportStore exportStore;

    @Autowired
    BlobStore blobs;

    @Autowired
    AccountDirectory accounts;

    @Autowired
    RecordPortability records;

    @Autowired
    DeactivationStore deactivations;

    Api anonymous;
    Mailbox mailbox;

    @BeforeEach
    void start() {
        clock.flowFrom(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        anonymous = Api.at(port);
        mailbox = anonymous.mailbox();
    }

    @Test
    void theCopyHoldsEverythingAboutThePatientAndEachOfTheRecordsFilesByteForByte() throws IOException {
        TestUser patient = TestUser.patient(anonymous);
        TestUser doctor = TestUser.doctor(anonymous);
        RecordClient record = RecordClient.of(patient);
        String group = record.createGroup("cardiologia");
        byte[] exam = Samples.pdf(3_000);
        byte[] xray = Samples.png(5_000);
        String examId = (String) record.upload("exame de sangue.pdf", "application/pdf", exam, List.of(group)).get("id");
        String xrayId = (String) record.upload("raio-x: tórax.png", "image/png", xray, List.of()).get("id");
        record.share(Map.of("doctorId", doctor.id(), "groupIds", List.of(group), "durationHours", 24));
        String appointment = confirmed(patient, doctor, clock.inDays(3, 9));
        patient.api().tester().document("mutation { updateNotificationPreferences(input: {reminders: {email: false}}) { reminders { email } } }")
                .execute().path("updateNotificationPreferences.reminders.email").entity(Boolean.class).isEqualTo(false);

        Map<String, Object> requested = requestExport(patient);
        assertThat(requested).containsEntry("status", "PENDING").containsEntry("readyAt", null);
        Map<String, Object> ready = awaitReady(patient, (String) requested.get("id"));
        assertThat(Instant.parse((String) ready.get("expiresAt")))
                .isEqualTo(Instant.parse((String) ready.get("readyAt")).plus(Duration.ofDays(7)));

        Map<String, byte[]> zip = unzip(download(patient, (String) requested.get("id")));
        String examPath = "files/" + GlobalIds.key(examId) + "/exame de sangue.pdf"; // the copy's format names files by their keys
        String xrayPath = "files/" + GlobalIds.key(xrayId) + "/raio-x_ tórax.png";
        assertThat(zip.keySet()).containsExactlyInAnyOrder("dados.json", "LEIA-ME.txt", examPath, xrayPath);
        assertThat(zip.get(examPath)).isEqualTo(exam);
        assertThat(zip.get(xrayPath)).isEqualTo(xray);
        assertThat(new String(zip.get("LEIA-ME.txt"), java.nio.charset.StandardCharsets.UTF_8)).contains("Cópia dos seus dados");

        // dados.json (format version 1) names everything by its key, not by the API's global ids
        Map<String, Object> data = json(zip.get("dados.json"));
        assertThat(data).containsEntry("format", "healthmed.data-export").containsEntry("version", 1)
                .containsEntry("exportId", GlobalIds.key(requested.get("id")));
        Map<String, Object> account = map(data.get("account"));
        Map<String, Object> me = patient.api().tester().document("{ me { ... on Patient { email cpf } } }").execute()
                .path("me").entity(Map.class).get();
        assertThat(account).containsEntry("id", GlobalIds.key(patient.id())).containsEntry("name", patient.name())
                .containsEntry("email", me.get("email")).containsEntry("cpf", ((String) me.get("cpf")).replaceAll("\\D", "")).containsEntry("birthDate", "1990-05-17");
        Map<String, Object> appointmentCopy = single(list(map(data.get("scheduling")).get("appointments")));
        assertThat(appointmentCopy).containsEntry("id", GlobalIds.key(appointment)).containsEntry("doctorId", GlobalIds.key(doctor.id())).containsEntry("status", "CONFIRMED");
        assertThat(list(appointmentCopy.get("history"))).extracting(t -> t.get("to")).containsExactly("REQUESTED", "CONFIRMED");
        assertThat(map(data.get("scheduling"))).containsEntry("ratingsGiven", List.of());

        Map<String, Object> healthRecord = map(data.get("healthRecord"));
        assertThat(list(healthRecord.get("files"))).extracting(f -> f.get("id"), f -> f.get("path"), f -> f.get("sizeBytes"))
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(GlobalIds.key(examId), examPath, exam.length),
                        org.assertj.core.groups.Tuple.tuple(GlobalIds.key(xrayId), xrayPath, xray.length));
        assertThat(single(list(healthRecord.get("groups")))).containsEntry("id", GlobalIds.key(group)).containsEntry("name", "cardiologia");
        assertThat(single(list(healthRecord.get("shares")))).containsEntry("doctorId", GlobalIds.key(doctor.id())).containsEntry("groupIds", List.of(GlobalIds.key(group)));
        assertThat(list(healthRecord.get("accessLog"))).extracting(e -> e.get("action"))
                .contains("UPLOAD", "SHARE", "DATA_EXPORT_REQUESTED");
        assertThat(map(data.get("notificationPreferences"))).isEqualTo(Map.of("reminders", Map.of("email", false)));
        assertThat(list(data.get("securityEvents"))).extracting(e -> e.get("kind")).contains("DATA_EXPORT_REQUESTED");
        // the test patients accept the teleconsultation consent in force (support/Api), and the copy says so
        assertThat(list(data.get("consents"))).singleElement().satisfies(consent -> assertThat(consent)
                .containsEntry("kind", "TELECONSULTATION").containsEntry("withdrawnAt", null)
                .containsKeys("version", "textSha256", "acceptedAt", "clientAddress"));
        assertThat(data).containsEntry("deactivations", List.of());
        assertThat(list(data.get("files"))).extracting(f -> f.get("path"), f -> f.get("sha256"))
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(examPath, Samples.sha256(exam)),
                        org.assertj.core.groups.Tuple.tuple(xrayPath, Samples.sha256(xray)));

        // the download is in the record's access log and in the security log
        assertThat(patient.api().document("recordAccessLog").variable("first", 5).execute()
                .path("recordAccessLog.edges[*].node.action").entityList(String.class).get())
                .contains("DATA_EXPORT_DOWNLOADED", "DATA_EXPORT_REQUESTED");
        assertThat(securityKinds(patient)).contains("DATA_EXPORT_REQUESTED", "DATA_EXPORT_DOWNLOADED");

        // nobody else sees it
        for (TestUser stranger : List.of(TestUser.patient(anonymous), doctor)) {
            assertThat(code(privacy(stranger.api(), "dataExport").variable("id", requested.get("id")).execute())).isEqualTo("NOT_FOUND");
        }
        assertThat(code(privacy(anonymous, "dataExport").variable("id", requested.get("id")).execute())).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void oneCopyAtATimeABuildThatDiedIsResumedThreeADayAndEachExpiresAfterSevenDays() {
        TestUser patient = TestUser.patient(anonymous);
        AccountId account = AccountId.of(GlobalIds.key(patient.id()));
        // An instance took the request and died before building it.
        DataExport orphan = DataExport.requested(account, br.com.healthmed.platform.security.Role.PATIENT, clock.instant());
        assertThat(exportStore.claim(account, orphan.id(), Optional.empty(), clock.instant())).isTrue();
        exportStore.create(orphan);

        GraphQlTester.Response refused = privacy(patient.api(), "requestDataExport").execute();
        refused.errors().satisfy(errors -> assertThat(errors.get(0).getExtensions())
                .containsEntry("code", "DATA_EXPORT_RUNNING").containsEntry("exportId", GlobalIds.of("DataExport", orphan.id())));
        assertThat(privacy(patient.api(), "dataExport").variable("id", orphan.id()).execute()
                .path("dataExport.status").entity(String.class).get()).isEqualTo("PENDING");

        clock.flowFrom(clock.instant().plus(Duration.ofMinutes(11)));
        sweep.run();
        Map<String, Object> resumed = awaitReady(patient, orphan.id().toString());
        assertThat(unzip(download(patient, orphan.id().toString()))).containsKey("dados.json");

        String second = (String) requestExport(patient).get("id");
        awaitReady(patient, second);
        String third = (String) requestExport(patient).get("id");
        awaitReady(patient, third);
        String fourth = (String) requestExport(patient).get("id");
        awaitReady(patient, fourth);
        GraphQlTester.Response throttled = privacy(patient.api(), "requestDataExport").execute();
        throttled.errors().satisfy(errors -> assertThat(errors.get(0).getExtensions())
                .containsEntry("code", "RATE_LIMITED").containsEntry("limit", "PER_ACCOUNT").containsKey("retryAfterSeconds"));

        String url = downloadUrl(patient, orphan.id().toString());
        clock.flowFrom(Instant.parse((String) resumed.get("expiresAt")).plusSeconds(1));
        assertThat(privacy(patient.api(), "dataExport").variable("id", orphan.id()).execute()
                .path("dataExport.status").entity(String.class).get()).isEqualTo("EXPIRED");
        assertThat(code(privacy(patient.api(), "dataExportDownload").variable("id", orphan.id()).execute())).isEqualTo("DATA_EXPORT_EXPIRED");
        assertThat(blobs.head(orphan.objectKey())).isPresent();
        sweep.run();
        assertThat(blobs.head(orphan.objectKey())).as("deleted by the sweep").isEmpty();
        assertThat(RecordClient.get(url).statusCode()).as("an old URL serves nothing").isNotEqualTo(200);
        // a day later the budget is back
        assertThat(requestExport(patient)).containsEntry("status", "PENDING");
    }

    @Test
    void aPatientDeactivatesEverySessionEndsAppointmentsAreCancelledWithTheDoctorsToldSharesEndAndTheyMayComeBack() {
        TestUser patient = TestUser.patient(anonymous);
        String email = email(patient);
        String secondSession = login(email);
        TestUser doctor = TestUser.doctor(anonymous);
        String doctorEmail = profile(doctor, Optional.empty());
        TestUser otherDoctor = TestUser.doctor(anonymous);
        String otherEmail = profile(otherDoctor, Optional.empty());
        String confirmed = confirmed(patient, doctor, clock.inDays(4, 10));
        String requested = (String) patient.book(otherDoctor.publish(clock.inDays(5, 11)), "k-" + UUID.randomUUID()).get("id");
        RecordClient.of(patient).share(Map.of("doctorId", doctor.id(), "allFiles", true, "durationHours", 48));

        assertThat(code(deactivate(patient, "wrong password 123", null))).isEqualTo("INVALID_CREDENTIALS");
        assertThat(status(patient, confirmed)).isEqualTo("CONFIRMED");

        Instant before = clock.instant();
        Map<String, Object> deactivation = deactivate(patient, Api.PASSWORD, "Não uso mais o serviço.")
                .path("deactivateAccount").entity(Map.class).get();
        Instant until = Instant.parse((String) deactivation.get("reactivableUntil"));
        assertThat(until).isBetween(before.plus(Duration.ofDays(30)), clock.instant().plus(Duration.ofDays(30)));

        for (String token : List.of(patient.accessToken(), secondSession)) {
            assertThat(refusal(token)).isEqualTo("SESSION_REVOKED");
        }
        assertThat(status(doctor, confirmed)).isEqualTo("CANCELLED");
        assertThat(status(otherDoctor, requested)).isEqualTo("CANCELLED");
        mailbox.await(doctorEmail, "Consulta cancelada pelo paciente");
        mailbox.await(otherEmail, "Consulta cancelada pelo paciente");
        assertThat(doctor.api().tester().document("{ sharedWithMe { patient { id } } }").execute()
                .path("sharedWithMe").entityList(Object.class).get()).isEmpty();

        GraphQlTester.Response login = loginResponse(email, Api.PASSWORD);
        login.errors().satisfy(errors -> {
            assertThat(errors.get(0).getExtensions()).containsEntry("code", "ACCOUNT_DEACTIVATED").containsEntry("reactivable", true);
            assertThat(Instant.parse((String) errors.get(0).getExtensions().get("reactivableUntil")).truncatedTo(ChronoUnit.MILLIS))
                    .isEqualTo(until);
        });
        assertThat(code(loginResponse(email, "wrong password 123"))).as("says nothing without the password").isEqualTo("INVALID_CREDENTIALS");
        assertThat(deactivations.recordsOf(AccountId.of(GlobalIds.key(patient.id())))).extracting(DeactivationRecord::step)
                .containsExactly(DeactivationRecord.Step.REQUESTED, DeactivationRecord.Step.CASCADE_DONE);
        assertThat(deactivations.recordsOf(AccountId.of(GlobalIds.key(patient.id()))).get(0).reason()).contains("Não uso mais o serviço.");
        assertThat(deactivations.recordsOf(AccountId.of(GlobalIds.key(patient.id()))).get(1).outcome())
                .containsEntry("appointmentsCancelled", "2").containsEntry("sharesRevoked", "1");

        clock.flowFrom(until.minus(Duration.ofHours(1)));
        Map<String, Object> back = privacy(anonymous, "reactivateAccount").variable("login", email).variable("password", Api.PASSWORD)
                .execute().path("reactivateAccount").entity(Map.class).get();
        TestUser returned = new TestUser(patient.id(), patient.name(), (String) back.get("accessToken"),
                anonymous.as((String) back.get("accessToken")));
        assertThat(returned.api().tester().document("{ me { id } }").execute().path("me.id").entity(String.class).get())
                .isEqualTo(patient.id());
        assertThat(status(returned, confirmed)).as("what was cancelled stays cancelled").isEqualTo("CANCELLED");
        assertThat(securityKinds(returned)).contains("ACCOUNT_DEACTIVATED", "ACCOUNT_REACTIVATED");
        assertThat(loginResponse(email, Api.PASSWORD).path("loginPatient.accessToken").entity(String.class).get()).isNotBlank();
        assertThat(code(privacy(anonymous, "reactivateAccount").variable("login", email).variable("password", Api.PASSWORD).execute()))
                .isEqualTo("ACCOUNT_NOT_DEACTIVATED");
    }

    @Test
    void aDoctorWhoDeactivatesLeavesSearchKeepsNoBookableSlotAndThePatientIsToldThenComesBackToSearch() {
        TestUser doctor = TestUser.doctor(anonymous);
        double latitude = -23.5 + ThreadLocalRandom.current().nextDouble(0.5);
        double longitude = -46.6 + ThreadLocalRandom.current().nextDouble(0.5);
        profile(doctor, Optional.of(Map.of("latitude", latitude, "longitude", longitude)));
        TestUser patient = TestUser.patient(anonymous);
        String patientEmail = email(patient);
        String confirmed = confirmed(patient, doctor, clock.inDays(3, 14));
        doctor.publish(clock.inDays(6, 9));
        doctor.publish(clock.inDays(7, 9));
        assertThat(found(doctor, latitude, longitude)).isTrue();
        assertThat(freeSlots(doctor)).hasSize(2);

        String crm = crmOf(doctor);
        deactivate(doctor, Api.PASSWORD, null).path("deactivateAccount.reactivableUntil").hasValue();

        assertThat(found(doctor, latitude, longitude)).isFalse();
        assertThat(freeSlots(doctor)).as("nothing bookable, not even the slot the cancellation freed").isEmpty();
        assertThat(status(patient, confirmed)).isEqualTo("CANCELLED");
        mailbox.await(patientEmail, "Consulta cancelada");
        assertThat(code(anonymous.document("loginDoctor").variable("crm", crm).variable("password", Api.PASSWORD).execute()))
                .isEqualTo("ACCOUNT_DEACTIVATED");

        privacy(anonymous, "reactivateAccount").variable("login", crm).variable("password", Api.PASSWORD).execute()
                .path("reactivateAccount.account.id").entity(String.class).isEqualTo(doctor.id());
        assertThat(found(doctor, latitude, longitude)).isTrue();
    }

    @Test
    void afterTheGraceTheAccountsAreAnonymisedTheRecordStaysAndThePeopleRegisterAgainWithTheSameCpfEmailAndCrm() {
        Map<String, Object> input = Api.newPatient();
        Map<String, Object> session = anonymous.registerPatient(input);
        String patientId = (String) map(session.get("account")).get("id");
        TestUser patient = new TestUser(patientId, (String) input.get("name"), (String) session.get("accessToken"),
                anonymous.as((String) session.get("accessToken")));
        RecordClient.of(patient).upload("laudo.pdf", "application/pdf", Samples.pdf(1_000), List.of());
        TestUser doctor = TestUser.doctor(anonymous);
        String crm = crmOf(doctor);
        Instant deactivatedAt = clock.instant();
        deactivate(patient, Api.PASSWORD, null).path("deactivateAccount").hasValue();
        deactivate(doctor, Api.PASSWORD, null).path("deactivateAccount").hasValue();

        clock.flowFrom(deactivatedAt.plus(Duration.ofDays(30)).plusSeconds(5));
        assertThat(code(privacy(anonymous, "reactivateAccount").variable("login", input.get("email")).variable("password", Api.PASSWORD)
                .execute())).isEqualTo("REACTIVATION_PERIOD_ENDED");

        assertThat(sweep.run()).isGreaterThanOrEqualTo(2);
        sweep.run(); // again: nothing changes

        AccountSummary anonymised = accounts.find(AccountId.of(GlobalIds.key(patientId))).orElseThrow();
        assertThat(anonymised).isInstanceOfSatisfying(PatientSummary.class, p -> {
            assertThat(p.name()).isEqualTo("Titular anonimizado");
            assertThat(p.email().value()).endsWith("@anonimizado.invalid").doesNotContain((String) input.get("email"));
            assertThat(p.phone()).isEmpty();
            assertThat(p.birthDate()).isEqualTo(LocalDate.of(1990, 1, 1));
            assertThat(p.cpf().digits()).as("kept as the record's identification").isEqualTo(input.get("cpf"));
        });
        assertThat(records.snapshotOf(AccountId.of(GlobalIds.key(patientId))).files()).as("the record stays").hasSize(1);
        assertThat(deactivations.recordsOf(AccountId.of(GlobalIds.key(patientId)))).extracting(DeactivationRecord::step)
                .containsExactly(DeactivationRecord.Step.REQUESTED, DeactivationRecord.Step.CASCADE_DONE, DeactivationRecord.Step.ANONYMISED);
        assertThat(code(loginResponse((String) input.get("email"), Api.PASSWORD))).isEqualTo("INVALID_CREDENTIALS");

        Map<String, Object> again = anonymous.registerPatient(input);
        assertThat(map(again.get("account")).get("id")).isNotEqualTo(patientId);
        Map<String, Object> doctorAgain = new HashMap<>(Api.newDoctor());
        doctorAgain.put("crm", crm);
        assertThat(map(anonymous.registerDoctor(doctorAgain).get("account")).get("id")).isNotEqualTo(doctor.id());
    }

    // --- helpers --------------------------------------------------------------------------------

    private Map<String, Object> requestExport(TestUser user) {
        return map(privacy(user.api(), "requestDataExport").execute().path("requestDataExport").entity(Map.class).get());
    }

    /** The copy is built after the mutation answered: ask until it is ready. */
    private Map<String, Object> awaitReady(TestUser user, String id) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            Map<String, Object> export = map(privacy(user.api(), "dataExport").variable("id", id).execute()
                    .path("dataExport").entity(Map.class).get());
            if ("READY".equals(export.get("status"))) {
                return export;
            }
            assertThat(export.get("status")).isEqualTo("PENDING");
            assertThat(Instant.now()).as("export %s not ready within %s", id, PATIENCE).isBefore(deadline);
            pause();
        }
    }

    private String downloadUrl(TestUser user, String id) {
        return privacy(user.api(), "dataExportDownload").variable("id", id).execute()
                .path("dataExport.downloadUrl").entity(String.class).get();
    }

    private byte[] download(TestUser user, String id) {
        HttpResponse<byte[]> response = RecordClient.get(downloadUrl(user, id));
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static Map<String, byte[]> unzip(byte[] archive) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(byte[] bytes) {
        return JSON.readValue(bytes, Map.class);
    }

    private String confirmed(TestUser patient, TestUser doctor, Instant start) {
        String appointment = (String) patient.book(doctor.publish(start), "k-" + UUID.randomUUID()).get("id");
        doctor.api().tester().document("mutation($id: ID!) { acceptAppointment(id: $id) { status } }").variable("id", appointment)
                .execute().path("acceptAppointment.status").entity(String.class).isEqualTo("CONFIRMED");
        return appointment;
    }

    private static String status(TestUser participant, String appointment) {
        return participant.api().tester().document("query($id: ID!) { appointment(id: $id) { status } }").variable("id", appointment)
                .execute().path("appointment.status").entity(String.class).get();
    }

    /** Saves the doctor's profile with a contact e-mail (where notifications go) and, if given, an office; returns the e-mail. */
    private static String profile(TestUser doctor, Optional<Map<String, Object>> office) {
        String email = "medica." + UUID.randomUUID() + "@example.com";
        Map<String, Object> input = new HashMap<>(Map.of("specialties", List.of("CARDIOLOGIA"), "email", email));
        office.ifPresent(location -> input.put("officeLocation", location));
        doctor.api().document("updateDoctorProfile").variable("input", input).execute().path("updateDoctorProfile.email").entity(String.class)
                .isEqualTo(email);
        return email;
    }

    private boolean found(TestUser doctor, double latitude, double longitude) {
        return anonymous.document("searchDoctors").variable("filter", Map.of("specialty", "CARDIOLOGIA",
                        "near", Map.of("latitude", latitude, "longitude", longitude), "radiusKm", 1)).variable("first", 50).execute()
                .path("searchDoctors.edges[*].node.id").entityList(String.class).get().contains(doctor.id());
    }

    private List<Object> freeSlots(TestUser doctor) {
        Instant now = clock.instant();
        return anonymous.tester().document("query($d: ID!, $from: DateTime!, $to: DateTime!) { doctorAgenda(doctorId: $d, from: $from, to: $to) { id } }")
                .variable("d", doctor.id()).variable("from", now.toString()).variable("to", now.plus(Duration.ofDays(30)).toString())
                .execute().path("doctorAgenda").entityList(Object.class).get();
    }

    private static String email(TestUser patient) {
        return patient.api().tester().document("{ me { ... on Patient { email } } }").execute().path("me.email").entity(String.class).get();
    }

    private static String crmOf(TestUser doctor) {
        return doctor.api().tester().document("{ me { ... on Doctor { crm } } }").execute().path("me.crm").entity(String.class).get();
    }

    /** The code an HTTP request with this bearer token is refused with (HTTP 401, a GraphQL-shaped body). */
    @SuppressWarnings("unchecked")
    private String refusal(String accessToken) {
        org.springframework.test.web.reactive.server.EntityExchangeResult<Map> result = org.springframework.test.web.reactive.server.WebTestClient
                .bindToServer().responseTimeout(Api.HANG_GUARD).baseUrl(anonymous.baseUrl()).build()
                .post().uri("/graphql").header("Authorization", "Bearer " + accessToken)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).bodyValue(Map.of("query", "{ me { id } }"))
                .exchange().expectStatus().isUnauthorized().expectBody(Map.class).returnResult();
        return (String) map(list(result.getResponseBody().get("errors")).get(0).get("extensions")).get("code");
    }

    private String login(String email) {
        return loginResponse(email, Api.PASSWORD).path("loginPatient.accessToken").entity(String.class).get();
    }

    private GraphQlTester.Response loginResponse(String login, String password) {
        return anonymous.document("loginPatient").variable("login", login).variable("password", password).execute();
    }

    private static GraphQlTester.Response deactivate(TestUser user, String password, String reason) {
        GraphQlTester.Request<?> request = privacy(user.api(), "deactivateAccount").variable("password", password);
        return (reason == null ? request : request.variable("reason", reason)).execute();
    }

    private static List<String> securityKinds(TestUser user) {
        return privacy(user.api(), "securityKinds").execute().path("mySecurityEvents.edges[*].node.kind").entityList(String.class).get();
    }

    /** An operation of graphql-test/privacy.graphql. */
    private static GraphQlTester.Request<?> privacy(Api api, String operation) {
        return api.tester().documentName("privacy").operationName(operation);
    }

    private static String code(GraphQlTester.Response response) {
        List<ResponseError>[] errors = new List[1];
        response.errors().satisfy(list -> errors[0] = list);
        assertThat(errors[0]).as("an error").isNotEmpty();
        return String.valueOf(errors[0].get(0).getExtensions().get("code"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    private static Map<String, Object> single(List<Map<String, Object>> values) {
        assertThat(values).hasSize(1);
        return values.get(0);
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
