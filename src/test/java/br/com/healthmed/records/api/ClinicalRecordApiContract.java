package br.com.healthmed.records.api;

import br.com.healthmed.support.GlobalIds;

import static br.com.healthmed.records.api.RecordClient.code;
import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.notifications.mail.InMemoryMailer;
import br.com.healthmed.identity.AccountId;
import br.com.healthmed.records.ClinicalRecordRelay;
import br.com.healthmed.records.ConsultationNote;
import br.com.healthmed.records.ConsultationNoteStore;
import br.com.healthmed.records.NoteContent;
import br.com.healthmed.records.NoteId;
import br.com.healthmed.records.NoteVersion;
import br.com.healthmed.scheduling.AppointmentId;
import java.util.Optional;
import br.com.healthmed.support.Api;
import br.com.healthmed.support.MutableClock;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import br.com.healthmed.support.Sockets;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * The clinical record through the API: a consultation's doctor writes and amends its note and issues
 * a prescription PDF; the patient reads both in the timeline and is told by e-mail; a second doctor
 * sees them only while shared; every access is in the access log; everyone else gets NOT_FOUND. Run
 * by each storage adapter's records API test as a nested class, in that test's Spring context.
 */
abstract class ClinicalRecordApiContract {

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    @Autowired
    InMemoryMailer mailer;

    @Autowired
    ClinicalRecordRelay relay;

    RecordClient patient;
    RecordClient doctor;

    @BeforeEach
    void people() {
        patient = RecordClient.patient(Api.at(port));
        doctor = RecordClient.doctor(Api.at(port));
    }

    void advance(Duration duration) {
        ((MutableClock) clock).advance(duration);
    }

    // --- the journey of the issue -----------------------------------------------------------------

    @Test
    @SuppressWarnings("unchecked")
    void aDoctorWritesAmendsAndIssuesThePatientReadsBothAndASecondDoctorOnlyWhileShared() {
        String appointment = consultationInProgress(patient, doctor);

        Map<String, Object> written = writeNote(doctor, appointment, note("Dor torácica ao esforço", List.of("I10", "j45.9")))
                .path("writeConsultationNote").entity(Map.class).get();
        String noteId = (String) written.get("id");
        assertThat(written).containsEntry("currentVersion", 1).containsEntry("appointmentId", appointment);
        Map<String, Object> first = ((List<Map<String, Object>>) written.get("versions")).get(0);
        assertThat(first).containsEntry("authorName", doctor.name).containsEntry("reason", "Dor torácica ao esforço");
        assertThat((String) first.get("authorCrm")).matches("\\d{4,10}/[A-Z]{2}");
        assertThat((List<Map<String, Object>>) first.get("icd10")).extracting(code -> code.get("code")).containsExactly("I10", "J45.9");
        assertThat(((List<Map<String, Object>>) first.get("icd10")).get(0)).containsEntry("description", "Hipertensão essencial (primária)");

        advance(Duration.ofMinutes(1));
        doctor.document("clinical", "amendConsultationNote").variable("noteId", noteId).variable("baseVersion", 1)
                .variable("reason", "Resultado do ECG").variable("input", note("Dor torácica ao esforço", List.of("I20")))
                .execute().path("amendConsultationNote.currentVersion").entity(Integer.class).isEqualTo(2)
                .path("amendConsultationNote.versions[0].amendReason").entity(String.class).isEqualTo("Resultado do ECG")
                .path("amendConsultationNote.versions[1].icd10[1].code").entity(String.class).isEqualTo("J45.9");
        assertThat(code(doctor.document("clinical", "amendConsultationNote").variable("noteId", noteId).variable("baseVersion", 1)
                .variable("reason", "Outra mudança").variable("input", note("Outra", List.of())).execute()))
                .as("an amendment of a version that is no longer the newest").isEqualTo("NOTE_VERSION_CONFLICT");

        advance(Duration.ofMinutes(1));
        byte[] pdf = Samples.pdf(3_000);
        String prescription = issue(doctor, appointment, "receita.pdf", pdf, "PRESCRIPTION");

        // The patient: both in the timeline, newest first; the note's versions readable; the PDF opens.
        List<Map<String, Object>> timeline = patient.document("clinical", "myTimeline").execute()
                .path("myRecord.timeline.edges[*].node").entityList(Map.class).get().stream().map(e -> (Map<String, Object>) e).toList();
        assertThat(timeline).extracting(entry -> entry.get("kind")).containsExactly("DOCUMENT", "NOTE");
        assertThat((Map<String, Object>) timeline.get(0).get("file")).containsEntry("id", prescription)
                .containsEntry("category", "PRESCRIPTION")
                .containsEntry("issued", Map.of("doctorId", doctor.id, "appointmentId", appointment, "kind", "PRESCRIPTION"));
        Map<String, Object> readNote = (Map<String, Object>) timeline.get(1).get("note");
        assertThat((List<Map<String, Object>>) readNote.get("versions")).extracting(v -> v.get("version")).containsExactly(2, 1);
        HttpResponse<byte[]> downloaded = RecordClient.get(patient.downloadUrl(prescription));
        assertThat(downloaded.statusCode()).isEqualTo(200);
        assertThat(downloaded.body()).isEqualTo(pdf);
        assertThat(RecordClient.get(doctor.downloadUrl(prescription)).statusCode()).as("its issuer opens it too").isEqualTo(200);
        patient.document("clinical", "myTimeline").variable("kind", "NOTE").execute()
                .path("myRecord.timeline.edges[*].node.note.id").entityList(String.class).containsExactly(noteId);
        patient.document("clinical", "myTimeline").variable("kind", "FILE").execute()
                .path("myRecord.timeline.edges").entityList(Object.class).hasSize(0);

        // A second doctor: nothing until shared, everything of that consultation while shared, nothing after revoke.
        RecordClient second = RecordClient.doctor(Api.at(port));
        assertThat(code(second.document("clinical", "consultationNote").variable("id", noteId).execute())).isEqualTo("NOT_FOUND");
        assertThat(code(second.download(prescription))).isEqualTo("NOT_FOUND");
        String share = (String) patient.share(Map.of("doctorId", second.id, "appointmentIds", List.of(appointment),
                "durationHours", 1)).get("id");
        List<Map<String, Object>> shared = second.document("clinical", "sharedTimeline").execute()
                .path("sharedWithMe[0].timeline.edges[*].node").entityList(Map.class).get().stream().map(e -> (Map<String, Object>) e).toList();
        assertThat(shared).extracting(entry -> entry.get("kind")).containsExactly("DOCUMENT", "NOTE");
        second.document("clinical", "consultationNote").variable("id", noteId).execute()
                .path("consultationNote.versions[0].version").entity(Integer.class).isEqualTo(2);
        assertThat(RecordClient.get(second.downloadUrl(prescription)).statusCode()).isEqualTo(200);
        patient.document("shares", "revokeShare").variable("shareId", share).execute();
        assertThat(code(second.document("clinical", "consultationNote").variable("id", noteId).execute())).isEqualTo("NOT_FOUND");
        assertThat(code(second.download(prescription))).isEqualTo("NOT_FOUND");
        second.document("clinical", "sharedTimeline").execute().path("sharedWithMe").entityList(Object.class).hasSize(0);

        // ... and never after the share's expiry.
        patient.share(Map.of("doctorId", second.id, "allNotes", true, "durationHours", 1));
        second.document("clinical", "consultationNote").variable("id", noteId).execute()
                .path("consultationNote.id").entity(String.class).isEqualTo(noteId);
        assertThat(code(second.download(prescription))).as("allNotes covers notes, not documents").isEqualTo("NOT_FOUND");
        advance(Duration.ofMinutes(61));
        assertThat(code(second.document("clinical", "consultationNote").variable("id", noteId).execute())).isEqualTo("NOT_FOUND");

        // Every access is in the patient's log.
        List<Map<String, Object>> log = patient.document("recordAccessLog").variable("first", 100).execute()
                .path("recordAccessLog.edges[*].node").entityList(Map.class).get().stream().map(e -> (Map<String, Object>) e).toList();
        assertThat(log).extracting(entry -> entry.get("action") + " " + (entry.get("noteId") != null ? "note" : "file")).containsExactly(
                "ACCESS_REFUSED note",            // after the expiry
                "ACCESS_REFUSED file",            // allNotes does not cover documents
                "NOTE_READ note",                 // under allNotes
                "SHARE file",
                "ACCESS_REFUSED file",            // the document after revoke
                "ACCESS_REFUSED note",            // the note after revoke
                "REVOKE file",
                "DOWNLOAD_URL_ISSUED file",       // the second doctor, under the share
                "NOTE_READ note",                 // consultationNote under the share
                "NOTE_READ note",                 // the shared timeline's versions
                "SHARE file",
                "ACCESS_REFUSED file",            // the document before the share
                "ACCESS_REFUSED note",            // the note before the share
                "NOTE_READ note",                 // the patient's timeline of notes
                "DOWNLOAD_URL_ISSUED file",       // its issuer
                "DOWNLOAD_URL_ISSUED file",       // the patient
                "NOTE_READ note",                 // the patient's timeline
                "DOCUMENT_ISSUED file",
                "NOTE_AMENDED note",
                "NOTE_WRITTEN note");
        assertThat(log.get(19).get("description")).asString().startsWith(doctor.name + " wrote the consultation note of ");
        assertThat(log.get(8).get("description")).asString().startsWith(second.name + " read the consultation note of ")
                .contains("under your share of the notes and documents of 1 consultation");
        assertThat(log.get(16).get("description")).asString().startsWith("You read the consultation note of ");
        assertThat(log.get(17).get("description")).asString().startsWith(doctor.name + " issued receita.pdf into your record");
        assertThat(log.get(5).get("description")).asString().startsWith(second.name + " was refused access to the consultation note of ");
        assertThat(log).extracting(entry -> entry.get("noteId")).filteredOn(java.util.Objects::nonNull).containsOnly(noteId);
    }

    @Test
    void thePatientIsToldByEMailOfEachNewNoteAndDocumentWithoutClinicalDetail() {
        String appointment = consultationInProgress(patient, doctor);
        writeNote(doctor, appointment, note("Cefaleia crônica", List.of("G43"))).path("writeConsultationNote.id").hasValue();
        issue(doctor, appointment, "atestado.pdf", Samples.pdf(1_500), "CERTIFICATE");

        List<InMemoryMailer.Sent> mails = awaitMails(patient.name, 2);
        assertThat(mails).extracting(sent -> sent.mail().subject()).allSatisfy(subject ->
                assertThat(subject).startsWith("Novo registro no seu prontuário: consulta de "));
        assertThat(mails).extracting(sent -> sent.mail().text()).anySatisfy(text -> assertThat(text).contains("registrou uma nota"))
                .anySatisfy(text -> assertThat(text).contains("emitiu um documento"))
                .allSatisfy(text -> assertThat(text).doesNotContain("Cefaleia", "G43", "atestado", "CERTIFICATE", "enxaqueca")
                        .contains(doctor.name).contains("/consultas/" + appointment));

        relay.sweep(); // a sweep after delivery finds nothing due, and a repeat would send nothing twice
        advance(Duration.ofMinutes(1));
        relay.sweep();
        assertThat(mailsTo(patient.name)).hasSize(2);
    }

    @RegisterExtension
    final Sockets sockets = new Sockets();

    static final String EVENTS = "subscription { clinicalRecordEvents { id kind appointmentId noteId documentId version } }";

    @Test
    void thePatientHearsOfEachNewNoteAmendmentAndDocumentLiveAndNoOneElseOfThem() {
        String appointment = consultationInProgress(patient, doctor);
        RecordClient other = RecordClient.patient(Api.at(port));
        String otherAppointment = consultationInProgress(other, RecordClient.doctor(Api.at(port)));
        WebSocketGraphQlTester mine = sockets.connect(port, patient.accessToken);
        WebSocketGraphQlTester theirs = sockets.connect(port, other.accessToken);
        // The events may arrive before the mutation's own answer: collect them, then compare.
        List<Map<String, Object>> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        String[] ids = new String[2];
        StepVerifier.create(events(mine).take(3))
                .then(() -> ready(mine))
                .then(() -> ids[0] = writeNote(doctor, appointment, note("Dispneia", List.of("J45")))
                        .path("writeConsultationNote.id").entity(String.class).get())
                .consumeNextWith(seen::add)
                .then(() -> amend(doctor, ids[0]))
                .consumeNextWith(seen::add)
                .then(() -> ids[1] = issue(doctor, appointment, "receita.pdf", Samples.pdf(1_000), "PRESCRIPTION"))
                .consumeNextWith(seen::add)
                .expectComplete()
                .verify(Duration.ofSeconds(15));
        assertThat(seen.get(0)).containsEntry("kind", "NOTE_WRITTEN").containsEntry("noteId", ids[0])
                .containsEntry("appointmentId", appointment).containsEntry("version", 1).containsEntry("documentId", null);
        assertThat(seen.get(1)).containsEntry("kind", "NOTE_AMENDED").containsEntry("version", 2).containsEntry("noteId", ids[0]);
        assertThat(seen.get(2)).containsEntry("kind", "DOCUMENT_ISSUED").containsEntry("documentId", ids[1]);
        // the ids are places in the patient's own stream (cursors of the clinical log), one per event
        assertThat(seen).extracting(event -> event.get("id")).doesNotHaveDuplicates().doesNotContainNull()
                .allSatisfy(id -> assertThat(new String(java.util.Base64.getUrlDecoder().decode((String) id), java.nio.charset.StandardCharsets.UTF_8))
                        .startsWith("cr1:" + GlobalIds.key(patient.id) + ":"));

        // Another patient hears of their own record only: the first event they get is theirs.
        StepVerifier.create(events(theirs).take(1))
                .then(() -> ready(theirs))
                .then(() -> writeNote(doctorOf(otherAppointment), otherAppointment, note("Outra", List.of())))
                .assertNext(event -> assertThat(event).containsEntry("appointmentId", otherAppointment))
                .expectComplete()
                .verify(Duration.ofSeconds(15));

        // Doctors have nothing to subscribe to here: a role gate.
        StepVerifier.create(events(sockets.connect(port, doctor.accessToken)))
                .expectErrorSatisfies(e -> assertThat(((SubscriptionErrorException) e).getErrors()).singleElement()
                        .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "WRONG_ROLE")))
                .verify(Duration.ofSeconds(15));
    }

    static final String EVENTS_AFTER = "subscription($after: ID) { clinicalRecordEvents(after: $after) { id kind noteId documentId version } }";

    @Test
    void aPatientWhoWasAwayGetsExactlyWhatWasMissedInOrderThenTheLiveEvents() {
        String appointment = consultationInProgress(patient, doctor);
        String cursor = eventsCursor(patient);
        WebSocketGraphQlTester first = sockets.connect(port, patient.accessToken);
        String[] noteId = new String[1];
        List<Map<String, Object>> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        StepVerifier.create(eventsAfter(first, cursor).take(1))
                .then(() -> ready(first))
                .then(() -> noteId[0] = writeNote(doctor, appointment, note("Dispneia", List.of("J45")))
                        .path("writeConsultationNote.id").entity(String.class).get())
                .consumeNextWith(seen::add)
                .expectComplete()
                .verify(Duration.ofSeconds(15));
        first.stop().block(Duration.ofSeconds(15));

        // while the app is away: the note is amended and a document issued (each in the log once its e-mail is out)
        amend(doctor, noteId[0]).path("amendConsultationNote.currentVersion").entity(Integer.class).isEqualTo(2);
        awaitMails(patient.name, 2);
        String document = issue(doctor, appointment, "receita.pdf", Samples.pdf(1_000), "PRESCRIPTION");
        awaitMails(patient.name, 3);

        WebSocketGraphQlTester again = sockets.connect(port, patient.accessToken);
        StepVerifier.create(eventsAfter(again, (String) seen.get(0).get("id")).take(3))
                .assertNext(e -> assertThat(e).containsEntry("kind", "NOTE_AMENDED").containsEntry("version", 2).containsEntry("noteId", noteId[0]))
                .assertNext(e -> assertThat(e).containsEntry("kind", "DOCUMENT_ISSUED").containsEntry("documentId", document))
                // replayed, now live: the next event is the next change, not a repeat of one replayed
                .then(() -> doctor.document("clinical", "amendConsultationNote").variable("noteId", noteId[0]).variable("baseVersion", 2)
                        .variable("reason", "Resultado").variable("input", note("Asma", List.of("J45"))).execute()
                        .path("amendConsultationNote.currentVersion").entity(Integer.class).isEqualTo(3))
                .assertNext(e -> assertThat(e).containsEntry("kind", "NOTE_AMENDED").containsEntry("version", 3))
                .expectComplete()
                .verify(Duration.ofSeconds(15));

        // the replay is repeatable, and the first event's id resumes from it again: the same ids, in order
        List<Object> replayed = eventsAfter(again, cursor).take(4).map(e -> e.get("id")).collectList().block(Duration.ofSeconds(15));
        assertThat(replayed).doesNotHaveDuplicates().startsWith(seen.get(0).get("id"));
    }

    @Test
    void aCursorOfAnotherPatientOrDatedAheadIsRefusedAnExpiredOneSaysSoAndDoctorsHaveNone() {
        String mine = eventsCursor(patient);
        RecordClient other = RecordClient.patient(Api.at(port));
        String owner = GlobalIds.key(patient.id);
        String ahead = cursor("cr1:" + owner + ":0:" + clock.instant().plus(Duration.ofDays(3650)).toEpochMilli());
        String expired = cursor("cr1:" + owner + ":0:" + clock.instant().minus(Duration.ofDays(8)).toEpochMilli());
        String ofTheAppointmentLog = cursor("ev1:" + owner + ":0:" + clock.instant().toEpochMilli());

        for (String notTheirs : List.of(mine, "not-a-cursor")) {
            assertRefused(sockets.connect(port, other.accessToken), notTheirs, "BAD_USER_INPUT");
        }
        for (String refused : List.of(ahead, ofTheAppointmentLog)) {
            assertRefused(sockets.connect(port, patient.accessToken), refused, "BAD_USER_INPUT");
        }
        assertRefused(sockets.connect(port, patient.accessToken), expired, "EVENTS_EXPIRED");
        assertRefused(sockets.connect(port, doctor.accessToken), mine, "WRONG_ROLE");
        assertRefused(sockets.connect(port, null), mine, "UNAUTHENTICATED");
        GraphQlTester.Response doctorsCursor = doctor.api.tester().document("{ clinicalRecordEventsCursor }").execute();
        assertThat(code(doctorsCursor)).isEqualTo("WRONG_ROLE");
        doctorsCursor.path("clinicalRecordEventsCursor").valueIsNull();
    }

    @Autowired
    br.com.healthmed.platform.events.EventBus bus;

    /** Rolling deploys: an instance of the previous release hears whole events on the old topic, as before. */
    @Test
    void subscribersOfThePreviousReleaseStillHearWholeEventsOnTheOldTopic() {
        String appointment = consultationInProgress(patient, doctor);
        AccountId patientId = AccountId.of(GlobalIds.key(patient.id));
        StepVerifier.create(bus.subscribe(br.com.healthmed.records.ClinicalRecordEvent.TOPIC, br.com.healthmed.records.ClinicalRecordEvent.class)
                        .filter(event -> event.patient().equals(patientId)).take(1))
                .then(() -> writeNote(doctor, appointment, note("Tosse", List.of())).path("writeConsultationNote.id").hasValue())
                .assertNext(event -> assertThat(event.id()).startsWith("note:").endsWith(":1"))
                .expectComplete()
                .verify(Duration.ofSeconds(15));
    }

    /**
     * Rolling deploys, the other way: an instance of the previous release relays a note by publishing the whole
     * event on the old topic and appends it to no log. A subscriber on this release still gets it, from the log
     * (PreviousReleaseEvents appends what it hears there), and once even though every instance hears it.
     */
    @Test
    void aNoteThePreviousReleaseRelayedOnTheOldTopicReachesThisReleasesSubscribersOnce() {
        String appointment = consultationInProgress(patient, doctor);
        String cursor = eventsCursor(patient);
        UUID note = UUID.randomUUID();
        br.com.healthmed.records.ClinicalRecordEvent relayedByTheOldRelease = new br.com.healthmed.records.ClinicalRecordEvent(
                "note:" + note + ":1", br.com.healthmed.records.ClinicalRecordEvent.Kind.NOTE_WRITTEN,
                AccountId.of(GlobalIds.key(patient.id)), AccountId.of(GlobalIds.key(doctor.id)), AppointmentId.of(GlobalIds.key(appointment)),
                clock.instant(), note, 1, clock.instant());
        WebSocketGraphQlTester socket = sockets.connect(port, patient.accessToken);
        StepVerifier.create(eventsAfter(socket, cursor).take(1))
                .then(() -> ready(socket))
                .then(() -> {
                    bus.publish(br.com.healthmed.records.ClinicalRecordEvent.TOPIC, relayedByTheOldRelease);
                    bus.publish(br.com.healthmed.records.ClinicalRecordEvent.TOPIC, relayedByTheOldRelease); // heard again
                })
                .assertNext(event -> assertThat(event).containsEntry("kind", "NOTE_WRITTEN").containsEntry("version", 1))
                .expectComplete()
                .verify(Duration.ofSeconds(15));
        List<Object> replayed = eventsAfter(sockets.connect(port, patient.accessToken), cursor)
                .take(Duration.ofSeconds(3)).map(e -> e.get("kind")).collectList().block(Duration.ofSeconds(15));
        assertThat(replayed).as("in the log once").containsExactly("NOTE_WRITTEN");
    }

    private static void assertRefused(WebSocketGraphQlTester socket, String after, String expectedCode) {
        StepVerifier.create(eventsAfter(socket, after))
                .expectErrorSatisfies(e -> assertThat(((SubscriptionErrorException) e).getErrors()).singleElement()
                        .satisfies(error -> {
                            assertThat(error.getExtensions()).as("after %s", after).containsEntry("code", expectedCode);
                            if (expectedCode.equals("BAD_USER_INPUT")) {
                                assertThat(error.getExtensions()).containsEntry("field", "after");
                            }
                        }))
                .verify(Duration.ofSeconds(15));
    }

    private static String cursor(String plain) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String eventsCursor(RecordClient who) {
        return who.api.tester().document("{ clinicalRecordEventsCursor }").execute().path("clinicalRecordEventsCursor").entity(String.class).get();
    }

    @SuppressWarnings("unchecked")
    private static Flux<Map<String, Object>> eventsAfter(WebSocketGraphQlTester socket, String after) {
        return socket.document(EVENTS_AFTER).variable("after", after).executeSubscription().toFlux("clinicalRecordEvents", Map.class)
                .map(event -> (Map<String, Object>) event);
    }

    private final Map<String, RecordClient> doctorsOfAppointments = new HashMap<>();

    private RecordClient doctorOf(String appointment) {
        return doctorsOfAppointments.get(appointment);
    }

    @SuppressWarnings("unchecked")
    private static Flux<Map<String, Object>> events(WebSocketGraphQlTester socket) {
        return socket.document(EVENTS).executeSubscription().toFlux("clinicalRecordEvents", Map.class)
                .map(event -> (Map<String, Object>) event);
    }

    /** A query on the same socket: answered after the subscription before it is in place. */
    private static void ready(WebSocketGraphQlTester socket) {
        socket.document("{ me { id } }").execute().path("me.id").hasValue();
    }

    @Autowired
    ConsultationNoteStore noteStore;

    @Test
    void aNoteWhoseWriterStoppedBeforeRelayingItReachesThePatientThroughTheSweepOnce() {
        String appointment = consultationInProgress(patient, doctor);
        // What a writer that died right after its commit point leaves: the note and its notice, nobody relaying it.
        Instant now = clock.instant();
        AppointmentId id = AppointmentId.of(GlobalIds.key(appointment));
        noteStore.create(new ConsultationNote(NoteId.of(id), id, AccountId.of(GlobalIds.key(patient.id)), AccountId.of(GlobalIds.key(doctor.id)),
                now.minus(Duration.ofMinutes(5)), now, List.of(new NoteVersion(1, new NoteContent("Tontura", Optional.empty(),
                        Optional.empty(), "Vertigem posicional", List.of(), Optional.empty()), Optional.empty(), AccountId.of(GlobalIds.key(doctor.id)),
                        doctor.name, "123456/SP", now))), now.plus(ClinicalRecordRelay.RELAY_GRACE));

        relay.sweep();
        assertThat(mailsTo(patient.name)).as("left to its writer for the grace").isEmpty();
        advance(ClinicalRecordRelay.RELAY_GRACE);
        relay.sweep(); // (the scheduled sweep may be the one that gets there first)
        assertThat(awaitMails(patient.name, 1)).hasSize(1);
        advance(Duration.ofMinutes(1));
        relay.sweep();
        assertThat(mailsTo(patient.name)).as("settled: not sent again").hasSize(1);
    }

    @Test
    void aRetriedWriteReturnsTheNoteAndADifferentSecondNoteIsRefused() {
        String appointment = consultationInProgress(patient, doctor);
        Map<String, Object> input = note("Febre", List.of("A90"));
        String id = writeNote(doctor, appointment, input).path("writeConsultationNote.id").entity(String.class).get();
        writeNote(doctor, appointment, input).path("writeConsultationNote.id").entity(String.class).isEqualTo(id)
                .path("writeConsultationNote.currentVersion").entity(Integer.class).isEqualTo(1);
        GraphQlTester.Response second = writeNote(doctor, appointment, note("Outra coisa", List.of()));
        second.errors().satisfy(errors -> assertThat(errors.get(0).getExtensions())
                .containsEntry("code", "CONSULTATION_NOTE_EXISTS").containsEntry("noteId", id));
    }

    // --- bad input: coded errors, nothing stored ------------------------------------------------------

    @Test
    void badNotesAndDocumentsAreRefusedWithTheirCodesAndNothingIsStored() {
        // Before the consultation starts, and for a cancelled one.
        String early = confirmedAppointment(patient, doctor, clock.instant().plus(Duration.ofDays(2)));
        assertThat(code(writeNote(doctor, early, note("x", List.of())))).isEqualTo("CLINICAL_WRITE_WINDOW_CLOSED");
        patient.document("clinical", "cancelAppointment").variable("id", early)
                .variable("justification", "Viagem de trabalho marcada para a mesma semana").execute()
                .path("cancelAppointment.appointment.status").entity(String.class).isEqualTo("CANCELLED");
        assertThat(code(writeNote(doctor, early, note("x", List.of())))).isEqualTo("INVALID_APPOINTMENT_STATE");

        String appointment = consultationInProgress(patient, doctor);
        Map<String, Object> emptyReason = note("   ", List.of());
        assertThat(field(writeNote(doctor, appointment, emptyReason))).isEqualTo("BAD_USER_INPUT input.reason");
        Map<String, Object> huge = new HashMap<>(note("Consulta", List.of()));
        huge.put("assessment", "a".repeat(10_001));
        assertThat(field(writeNote(doctor, appointment, huge))).isEqualTo("BAD_USER_INPUT input.assessment");
        GraphQlTester.Response unknown = writeNote(doctor, appointment, note("Consulta", List.of("I10", "Z99.99")));
        unknown.errors().satisfy(errors -> assertThat(errors.get(0).getExtensions())
                .containsEntry("code", "UNKNOWN_ICD10_CODE").containsEntry("field", "input.icd10Codes"));
        assertThat(code(writeNote(doctor, appointment, note("Consulta", List.of("U07"))))).as("not a category of the list")
                .isEqualTo("UNKNOWN_ICD10_CODE");

        assertThat(code(requestDocument(doctor, appointment, "foto.png", "image/png", 1_000))).isEqualTo("UNSUPPORTED_FILE_TYPE");
        assertThat(code(requestDocument(doctor, appointment, "grande.pdf", "application/pdf", 600 * 1024 + 1))).isEqualTo("FILE_TOO_LARGE");
        Map<String, Object> ticket = requestDocument(doctor, appointment, "laudo.pdf", "application/pdf", 2_000)
                .path("requestDocumentUpload").entity(Map.class).get();
        RecordClient.put(ticket, Samples.jpeg(2_000));
        assertThat(code(doctor.complete((String) ticket.get("fileId")))).as("a JPEG declared as PDF").isEqualTo("UPLOAD_MISMATCH");

        patient.document("clinical", "myTimeline").execute().path("myRecord.timeline.edges").entityList(Object.class).hasSize(0);
        assertThat(mailsTo(patient.name)).isEmpty();

        // After the window (7 days after the end; access tokens here live a day, so the doctor logs in again).
        advance(Duration.ofDays(8));
        RecordClient late = doctor.loggedInAgain(Api.at(port));
        assertThat(code(writeNote(late, appointment, note("Tarde demais", List.of())))).isEqualTo("CLINICAL_WRITE_WINDOW_CLOSED");
        assertThat(code(requestDocument(late, appointment, "tarde.pdf", "application/pdf", 1_000))).isEqualTo("CLINICAL_WRITE_WINDOW_CLOSED");
    }

    // --- nobody else sees anything --------------------------------------------------------------------

    @Test
    @SuppressWarnings("unchecked")
    void theNewOperationsAnswerNotFoundToEveryOtherCaller() {
        String appointment = consultationInProgress(patient, doctor);
        String noteId = writeNote(doctor, appointment, note("Tosse", List.of("R05"))).path("writeConsultationNote.id")
                .entity(String.class).get();
        String document = issue(doctor, appointment, "exame.pdf", Samples.pdf(1_000), "EXAM_REQUEST");
        Map<String, Object> pending = requestDocument(doctor, appointment, "pendente.pdf", "application/pdf", 1_000)
                .path("requestDocumentUpload").entity(Map.class).get();
        String pendingId = (String) pending.get("fileId");

        RecordClient otherPatient = RecordClient.patient(Api.at(port));
        RecordClient otherDoctor = RecordClient.doctor(Api.at(port));
        RecordClient expired = RecordClient.doctor(Api.at(port));
        RecordClient revoked = RecordClient.doctor(Api.at(port));
        patient.share(Map.of("doctorId", expired.id, "allNotes", true, "allFiles", true,
                "expiresAt", clock.instant().plus(Duration.ofMinutes(30)).toString()));
        String revokedShare = (String) patient.share(Map.of("doctorId", revoked.id, "allNotes", true, "allFiles", true,
                "durationHours", 24)).get("id");
        patient.document("shares", "revokeShare").variable("shareId", revokedShare).execute();
        advance(Duration.ofMinutes(31));
        RecordClient anonymous = RecordClient.anonymous(Api.at(port));
        String neverExisted = UUID.randomUUID().toString();

        for (RecordClient stranger : List.of(otherPatient, otherDoctor, expired, revoked)) {
            // writing is for doctors: a patient meets the role gate (the same answer for every id), a doctor NOT_FOUND
            String writeRefusal = stranger == otherPatient ? "WRONG_ROLE" : "NOT_FOUND";
            for (String id : List.of(noteId, neverExisted)) {
                assertThat(code(stranger.document("clinical", "consultationNote").variable("id", id).execute()))
                        .as("consultationNote by " + stranger.name).isEqualTo("NOT_FOUND");
                assertThat(code(amend(stranger, id))).as("amend by " + stranger.name).isEqualTo(writeRefusal);
            }
            for (String id : List.of(appointment, neverExisted)) {
                assertThat(code(writeNote(stranger, id, note("x", List.of())))).as("write by " + stranger.name).isEqualTo(writeRefusal);
                assertThat(code(requestDocument(stranger, id, "x.pdf", "application/pdf", 10))).isEqualTo(writeRefusal);
            }
            assertThat(code(stranger.download(document))).isEqualTo("NOT_FOUND");
            assertThat(code(stranger.complete(pendingId))).isEqualTo("NOT_FOUND");
            assertThat(code(stranger.document("cancelFileUpload").variable("fileId", pendingId).execute())).isEqualTo("NOT_FOUND");
        }
        for (RecordClient doctorWithoutShare : List.of(otherDoctor, expired, revoked)) {
            doctorWithoutShare.document("clinical", "sharedTimeline").execute().path("sharedWithMe").entityList(Object.class).hasSize(0);
        }
        // The patient cannot write or amend what the doctor issues (a role gate: WRONG_ROLE), nor complete or cancel
        // it (an object not theirs: NOT_FOUND), nor rename or delete an issued document.
        assertThat(code(writeNote(patient, appointment, note("x", List.of())))).isEqualTo("WRONG_ROLE");
        assertThat(code(amend(patient, noteId))).isEqualTo("WRONG_ROLE");
        assertThat(code(requestDocument(patient, appointment, "x.pdf", "application/pdf", 10))).isEqualTo("WRONG_ROLE");
        assertThat(code(patient.complete(pendingId))).isEqualTo("NOT_FOUND");
        assertThat(code(patient.document("recordFiles", "renameFile").variable("fileId", document).variable("fileName", "x.pdf")
                .execute())).isEqualTo("CLINICAL_RECORD_READ_ONLY");
        assertThat(code(patient.document("recordFiles", "deleteFile").variable("fileId", document).execute()))
                .isEqualTo("CLINICAL_RECORD_READ_ONLY");
        // Anonymous callers are asked to log in.
        assertThat(code(anonymous.document("clinical", "consultationNote").variable("id", noteId).execute())).isEqualTo("UNAUTHENTICATED");
        assertThat(code(writeNote(anonymous, appointment, note("x", List.of())))).isEqualTo("UNAUTHENTICATED");
        assertThat(code(amend(anonymous, noteId))).isEqualTo("UNAUTHENTICATED");
        assertThat(code(requestDocument(anonymous, appointment, "x.pdf", "application/pdf", 10))).isEqualTo("UNAUTHENTICATED");
        assertThat(code(anonymous.document("clinical", "myTimeline").execute())).isEqualTo("UNAUTHENTICATED");
        assertThat(code(anonymous.download(document))).isEqualTo("NOT_FOUND");

        // The owner and the author still have everything, unchanged.
        patient.document("clinical", "consultationNote").variable("id", noteId).execute()
                .path("consultationNote.currentVersion").entity(Integer.class).isEqualTo(1);
        doctor.document("clinical", "consultationNote").variable("id", noteId).execute()
                .path("consultationNote.versions[0].reason").entity(String.class).isEqualTo("Tosse");
        // ...and the patient learns who knocked at the note.
        List<String> log = patient.document("recordAccessLog").variable("first", 100).execute()
                .path("recordAccessLog.edges[*].node.description").entityList(String.class).get();
        for (RecordClient knocker : List.of(otherDoctor, expired, revoked)) {
            assertThat(log).anySatisfy(entry -> assertThat(entry).startsWith(knocker.name + " was refused access to the consultation note of "));
        }
        assertThat(log).anySatisfy(entry -> assertThat(entry).startsWith("Another patient was refused access to the consultation note of "));
    }

    // --- the timeline ---------------------------------------------------------------------------------

    @Test
    @SuppressWarnings("unchecked")
    void theTimelineIsPagedNewestFirstAcrossFilesNotesAndDocumentsAndFilteredByConsultation() {
        String own = (String) patient.upload("hemograma.pdf", "application/pdf", Samples.pdf(800), List.of()).get("id");
        String first = consultationInProgress(patient, doctor);
        String firstNote = writeNote(doctor, first, note("Primeira", List.of())).path("writeConsultationNote.id").entity(String.class).get();
        advance(Duration.ofSeconds(1));
        String firstDocument = issue(doctor, first, "receita-1.pdf", Samples.pdf(900), "PRESCRIPTION");
        advance(Duration.ofHours(2));
        String second = consultationInProgress(patient, doctor);
        String secondNote = writeNote(doctor, second, note("Segunda", List.of())).path("writeConsultationNote.id").entity(String.class).get();
        advance(Duration.ofSeconds(1));
        String later = (String) patient.upload("raio-x.png", "image/png", Samples.png(700), List.of()).get("id");

        List<String> all = new java.util.ArrayList<>();
        String after = null;
        for (int page = 0; page < 3; page++) {
            GraphQlTester.Request<?> request = patient.document("clinical", "myTimelineHeads").variable("first", 2);
            Map<String, Object> connection = (after == null ? request : request.variable("after", after)).execute()
                    .path("myRecord.timeline").entity(Map.class).get();
            for (Map<String, Object> edge : (List<Map<String, Object>>) connection.get("edges")) {
                Map<String, Object> node = (Map<String, Object>) edge.get("node");
                all.add((String) ((Map<String, Object>) (node.get("file") != null ? node.get("file") : node.get("note"))).get("id"));
            }
            Map<String, Object> pageInfo = (Map<String, Object>) connection.get("pageInfo");
            after = (String) pageInfo.get("endCursor");
            assertThat(pageInfo.get("hasNextPage")).isEqualTo(page < 2);
        }
        assertThat(all).containsExactly(later, secondNote, firstDocument, firstNote, own);

        patient.document("clinical", "myTimelineHeads").variable("appointmentId", first).execute()
                .path("myRecord.timeline.edges[*].node.kind").entityList(String.class).containsExactly("DOCUMENT", "NOTE");
        patient.document("clinical", "myTimelineHeads").variable("kind", "DOCUMENT").execute()
                .path("myRecord.timeline.edges[*].node.file.id").entityList(String.class).containsExactly(firstDocument);
        patient.document("clinical", "myTimelineHeads").variable("kind", "FILE").execute()
                .path("myRecord.timeline.edges[*].node.file.id").entityList(String.class).containsExactly(later, own);

        // Listing heads without versions reads no note: nothing in the log but what the doctor wrote and issued.
        List<String> actions = patient.document("recordAccessLog").variable("first", 100).execute()
                .path("recordAccessLog.edges[*].node.action").entityList(String.class).get();
        assertThat(actions).doesNotContain("NOTE_READ");
    }

    // --- meeting attendance ---------------------------------------------------------------------------

    @Test
    void eachParticipantsJoinLinkIsRecordedAndShownToBoth() {
        String appointment = consultationInProgress(patient, doctor);
        Instant patientJoined = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        patient.document("clinical", "meeting").variable("id", appointment).execute()
                .path("appointment.meeting.joinUrl").hasValue()
                .path("appointment.meeting.attendance.doctorJoinLinkFirstAt").valueIsNull();
        advance(Duration.ofMinutes(2));
        doctor.document("clinical", "meeting").variable("id", appointment).execute().path("appointment.meeting.joinUrl").hasValue();
        advance(Duration.ofMinutes(2));
        patient.document("clinical", "meeting").variable("id", appointment).execute();

        for (RecordClient participant : List.of(patient, doctor)) {
            GraphQlTester.Response response = participant.document("clinical", "meeting").variable("id", appointment).execute();
            assertThat(instant(response, "patientJoinLinkFirstAt")).isEqualTo(patientJoined);
            assertThat(instant(response, "doctorJoinLinkFirstAt")).isEqualTo(patientJoined.plus(Duration.ofMinutes(2)));
            assertThat(instant(response, "patientJoinLinkLastAt")).isEqualTo(patientJoined.plus(Duration.ofMinutes(4)));
        }
    }

    // --- helpers ----------------------------------------------------------------------------------------

    /** A consultation confirmed by the doctor, with the clock moved 5 minutes past its start. */
    String consultationInProgress(RecordClient patient, RecordClient doctor) {
        String appointment = Consultations.inProgress((MutableClock) clock, patient, doctor);
        doctorsOfAppointments.put(appointment, doctor);
        return appointment;
    }

    String confirmedAppointment(RecordClient patient, RecordClient doctor, Instant start) {
        return Consultations.confirmed(patient, doctor, start);
    }

    static Map<String, Object> note(String reason, List<String> codes) {
        return Map.of("reason", reason, "history", "Há 2 semanas.", "findings", "PA 150x95 mmHg.",
                "assessment", "Hipertensão a investigar.", "icd10Codes", codes, "plan", "Retorno em 30 dias.");
    }

    static GraphQlTester.Response writeNote(RecordClient who, String appointment, Map<String, Object> input) {
        return who.document("clinical", "writeConsultationNote").variable("appointmentId", appointment).variable("input", input).execute();
    }

    static GraphQlTester.Response amend(RecordClient who, String noteId) {
        return who.document("clinical", "amendConsultationNote").variable("noteId", noteId).variable("baseVersion", 1)
                .variable("reason", "Correção").variable("input", note("x", List.of())).execute();
    }

    static GraphQlTester.Response requestDocument(RecordClient who, String appointment, String fileName, String type, long size) {
        return who.document("clinical", "requestDocumentUpload").variable("appointmentId", appointment)
                .variable("input", Map.of("fileName", fileName, "contentType", type, "sizeBytes", size, "kind", "PRESCRIPTION")).execute();
    }

    /** Requests, PUTs and completes a document the doctor issues; its file id. */
    static String issue(RecordClient doctor, String appointment, String fileName, byte[] pdf, String kind) {
        String id = (String) Consultations.uploadDocument(doctor, appointment, fileName, pdf, kind).get("fileId");
        doctor.complete(id).path("completeFileUpload.id").entity(String.class).isEqualTo(id);
        return id;
    }

    private static Instant instant(GraphQlTester.Response response, String field) {
        return java.time.OffsetDateTime.parse(response.path("appointment.meeting.attendance." + field).entity(String.class).get())
                .toInstant().truncatedTo(ChronoUnit.SECONDS);
    }

    private static String field(GraphQlTester.Response response) {
        String[] found = new String[1];
        response.errors().satisfy(errors -> found[0] = errors.get(0).getExtensions().get("code") + " " + errors.get(0).getExtensions().get("field"));
        return found[0];
    }

    private List<InMemoryMailer.Sent> mailsTo(String name) {
        return mailer.outbox().stream().filter(sent -> sent.mail().toName().equals(name)
                && sent.mail().subject().startsWith("Novo registro no seu prontuário")).toList();
    }

    /** Polls the outbox until {@code count} such e-mails arrived (the relay sends them in the background). */
    private List<InMemoryMailer.Sent> awaitMails(String name, int count) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (mailsTo(name).size() < count && Instant.now().isBefore(deadline)) {
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        return mailsTo(name);
    }
}
