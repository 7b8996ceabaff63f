package br.com.healthmed.notifications;

import br.com.healthmed.support.GlobalIds;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.scheduling.AppointmentEvent;
import br.com.healthmed.scheduling.AppointmentEventKind;
import br.com.healthmed.scheduling.AppointmentEventListener;
import br.com.healthmed.scheduling.AppointmentId;
import br.com.healthmed.scheduling.AppointmentStatus;
import br.com.healthmed.scheduling.TestUser;
import br.com.healthmed.support.Api;
import br.com.healthmed.support.ClockedApiTest;
import br.com.healthmed.support.MutableClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Notifications through the API, as people meet them: a doctor and a patient book, accept and cancel
 * in the app, and read the e-mails the embedded mailer shows at {@code /dev/mailbox}; time moves (the
 * service's clock is the test's) and the reminder sweep sends reminders. The clock runs on from wherever a
 * test puts it: two relays of one appointment may meet (one finds the other sending an e-mail) and the
 * loser retries a second later, which a stopped clock would never reach. Run on both storage adapters.
 */
@ClockedApiTest
abstract class NotificationsApiContract {

    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");
    private static final String JUSTIFICATION = "Surgiu uma cirurgia de emergência no hospital.";

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    ReminderSweep reminderSweep;

    @Autowired
    List<AppointmentEventListener> listeners;

    Api anonymous;
    TestUser doctor;
    TestUser patient;
    String doctorEmail;
    String patientEmail;

    @BeforeEach
    void users() {
        clock.flowFrom(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        anonymous = Api.at(port);
        doctor = TestUser.doctor(anonymous);
        patient = TestUser.patient(anonymous);
        doctorEmail = "medica." + UUID.randomUUID() + "@example.com";
        doctor.api().document("updateDoctorProfile").variable("input", Map.of("specialties", List.of("CARDIOLOGIA"),
                "email", doctorEmail)).execute().path("updateDoctorProfile.email").entity(String.class).isEqualTo(doctorEmail);
        patientEmail = patient.api().tester().document("{ me { ... on Patient { email } } }").execute()
                .path("me.email").entity(String.class).get();
    }

    @Test
    void theDoctorHearsOfTheRequestThePatientGetsTheInviteAndThenItsCancellationWithTheSameUid() {
        Instant start = clock.inDays(3, 9);
        String appointment = book(start);

        Map<String, Object> request = awaitMail(doctorEmail, "Nova solicitação de consulta");
        assertThat((String) request.get("text")).contains(patient.name(), "https://app.healthmed.example/consultas/" + appointment);

        accept(appointment);
        Map<String, Object> confirmation = awaitMail(patientEmail, "Consulta confirmada");
        assertThat((String) confirmation.get("text")).contains(doctor.name(), "(CRM ", "https://app.healthmed.example/consultas/" + appointment);
        assertThat((String) confirmation.get("html")).contains("<a href=\"https://app.healthmed.example/consultas/" + appointment + "\"");
        Map<String, Object> invite = attachment(confirmation);
        assertThat(invite.get("contentType")).isEqualTo("text/calendar; method=REQUEST; charset=UTF-8");
        String requestIcs = (String) invite.get("content");
        assertThat(unfolded(requestIcs)).contains("METHOD:REQUEST", "UID:" + GlobalIds.key(appointment) + "@healthmed.com.br",
                "DTSTART;TZID=America/Sao_Paulo:" + local(start), "DTEND;TZID=America/Sao_Paulo:" + local(start.plus(Duration.ofMinutes(50))),
                "TZID:America/Sao_Paulo", "URL:https://app.healthmed.example/consultas/" + appointment);

        clock.advance(Duration.ofMinutes(5));
        doctor.api().tester().document("mutation($id: ID!, $j: String!) { cancelAppointment(id: $id, justification: $j) { appointment { status } } }")
                .variable("id", appointment).variable("j", JUSTIFICATION).execute()
                .path("cancelAppointment.appointment.status").entity(String.class).isEqualTo("CANCELLED");
        Map<String, Object> cancellation = awaitMail(patientEmail, "Consulta cancelada");
        Map<String, Object> withdrawal = attachment(cancellation);
        assertThat(withdrawal.get("contentType")).isEqualTo("text/calendar; method=CANCEL; charset=UTF-8");
        String cancelIcs = unfolded((String) withdrawal.get("content"));
        assertThat(cancelIcs).contains("METHOD:CANCEL", "STATUS:CANCELLED", "UID:" + GlobalIds.key(appointment) + "@healthmed.com.br");
        assertThat(sequence(cancelIcs)).isGreaterThan(sequence(requestIcs));

        // nothing clinical, and no meeting link, in any of them
        for (Map<String, Object> mail : List.of(request, confirmation, cancellation)) {
            String everything = mail.toString();
            assertThat(everything).doesNotContain("CARDIOLOGIA", "Cardiologia", JUSTIFICATION, "meet.jit.si");
        }
    }

    @Test
    void aRedeliveredEventSendsNoSecondEmailAndALateOneNone() {
        Instant start = clock.inDays(2, 10);
        String appointment = book(start);
        awaitMail(doctorEmail, "Nova solicitação de consulta");

        AppointmentEvent again = new AppointmentEvent(AppointmentEvent.idOf(AppointmentId.of(GlobalIds.key(appointment)), 0),
                AppointmentEventKind.REQUESTED, AppointmentId.of(GlobalIds.key(appointment)), AccountId.of(GlobalIds.key(doctor.id())), AccountId.of(GlobalIds.key(patient.id())),
                AppointmentStatus.REQUESTED, Optional.empty(), start, start.plus(Duration.ofMinutes(50)), Optional.empty(), clock.instant());
        notifications().on(again);
        notifications().on(again);
        assertThat(mailbox(doctorEmail)).hasSize(1);

        // a request that reaches notifications only after the consultation's start is not e-mailed at all
        Instant past = clock.instant().minus(Duration.ofMinutes(10));
        notifications().on(new AppointmentEvent(AppointmentId.random() + ":0", AppointmentEventKind.REQUESTED, AppointmentId.random(),
                AccountId.of(GlobalIds.key(doctor.id())), AccountId.of(GlobalIds.key(patient.id())), AppointmentStatus.REQUESTED, Optional.empty(), past,
                past.plus(Duration.ofMinutes(50)), Optional.empty(), past.minus(Duration.ofDays(1))));
        assertThat(mailbox(doctorEmail)).hasSize(1);
    }

    @Test
    void bothAreRemindedADayAndAnHourBeforeOnceAndOnlyWhileTheyWantReminders() {
        Instant start = clock.inDays(3, 11);
        confirmed(start);

        clock.flowFrom(start.minus(Duration.ofHours(24)));
        reminderSweep.run();
        reminderSweep.run(); // a second sweep (or instance) sends nothing again
        assertThat(subjects(patientEmail)).filteredOn(NotificationsApiContract::isReminder).singleElement()
                .satisfies(s -> assertThat(s).startsWith("Lembrete: consulta em 24 horas"));
        assertThat(subjects(doctorEmail)).filteredOn(NotificationsApiContract::isReminder).hasSize(1);

        patient.api().tester().document("mutation { updateNotificationPreferences(input: {reminders: {email: false}}) { reminders { email } } }")
                .execute().path("updateNotificationPreferences.reminders.email").entity(Boolean.class).isEqualTo(false);
        clock.flowFrom(start.minus(Duration.ofHours(1)));
        reminderSweep.run();

        assertThat(subjects(doctorEmail)).filteredOn(NotificationsApiContract::isReminder).hasSize(2)
                .last().satisfies(s -> assertThat(s).startsWith("Lembrete: consulta em 1 hora"));
        assertThat(subjects(patientEmail)).filteredOn(NotificationsApiContract::isReminder).hasSize(1);
    }

    @Test
    void oneSweepSendsEveryDueReminderEvenWhenThereAreMoreThanOneBatch() {
        Instant start = clock.inDays(4, 9);
        confirmed(start);
        TestUser otherDoctor = TestUser.doctor(anonymous); // one upcoming appointment per patient and doctor
        Instant later = start.plus(Duration.ofHours(1));
        String other = (String) patient.book(otherDoctor.publish(later), "k-" + UUID.randomUUID()).get("id");
        otherDoctor.api().tester().document("mutation($id: ID!) { acceptAppointment(id: $id) { status } }").variable("id", other)
                .execute().path("acceptAppointment.status").entity(String.class).isEqualTo("CONFIRMED");
        awaitMail(patientEmail, "Consulta confirmada: " + MailTemplates.shortWhen(later, SAO_PAULO));

        clock.flowFrom(later.minus(Duration.ofHours(24)));
        reminderSweep.run();

        assertThat(subjects(patientEmail)).filteredOn(NotificationsApiContract::isReminder).hasSize(2);
    }

    @Test
    void noReminderForACancelledConsultationNorOneWhoseTimeHadComeWhenItWasConfirmed() {
        Instant cancelledStart = clock.inDays(2, 14);
        String cancelled = confirmed(cancelledStart);
        patient.api().tester().document("mutation($id: ID!, $j: String!) { cancelAppointment(id: $id, justification: $j) { appointment { status } } }")
                .variable("id", cancelled).variable("j", JUSTIFICATION).execute();
        awaitMail(doctorEmail, "Consulta cancelada pelo paciente");
        // the patient's own calendar entry is withdrawn too
        assertThat(attachment(awaitMail(patientEmail, "Cancelamento registrado")).get("contentType"))
                .isEqualTo("text/calendar; method=CANCEL; charset=UTF-8");

        TestUser soonDoctor = TestUser.doctor(anonymous);
        String soonEmail = "medico." + UUID.randomUUID() + "@example.com";
        soonDoctor.api().document("updateDoctorProfile").variable("input", Map.of("specialties", List.of("PEDIATRIA"), "email", soonEmail))
                .execute().path("updateDoctorProfile.email").hasValue();
        Instant soonStart = clock.instant().plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.MINUTES);
        String soon = (String) patient.book(soonDoctor.publish(soonStart), "k-" + UUID.randomUUID()).get("id");
        soonDoctor.api().tester().document("mutation($id: ID!) { acceptAppointment(id: $id) { status } }").variable("id", soon).execute()
                .path("acceptAppointment.status").entity(String.class).isEqualTo("CONFIRMED");
        awaitMail(patientEmail, "Consulta confirmada: " + MailTemplates.shortWhen(soonStart, SAO_PAULO));

        clock.flowFrom(cancelledStart.minus(Duration.ofHours(1)));
        reminderSweep.run();
        assertThat(subjects(doctorEmail)).noneMatch(NotificationsApiContract::isReminder);
        // 3 hours away when confirmed: no 24-hour reminder was planned, the 1-hour one goes out
        clock.flowFrom(soonStart.minus(Duration.ofHours(1)));
        reminderSweep.run();
        assertThat(subjects(soonEmail)).filteredOn(NotificationsApiContract::isReminder).singleElement()
                .satisfies(s -> assertThat(s).startsWith("Lembrete: consulta em 1 hora"));
    }

    @Test
    void preferencesStartWithRemindersOnAndRefuseUnknownKeysAndNullWithoutChangingAnything() {
        GraphQlTester.Request<?> read = patient.api().tester().document("{ notificationPreferences { reminders { email } } }");
        read.execute().path("notificationPreferences.reminders.email").entity(Boolean.class).isEqualTo(true);

        assertCode(patient.api().tester().document("mutation($input: NotificationPreferencesInput!) { updateNotificationPreferences(input: $input) { reminders { email } } }")
                .variable("input", Map.of("reminders", Map.of("email", false, "sms", false))).execute().errors(), "GRAPHQL_VALIDATION_FAILED");
        assertCode(patient.api().tester().document("mutation { updateNotificationPreferences(input: {transactional: false}) { reminders { email } } }")
                .execute().errors(), "GRAPHQL_VALIDATION_FAILED");
        patient.api().tester().document("mutation { updateNotificationPreferences(input: {reminders: {email: null}}) { reminders { email } } }")
                .execute().errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> assertThat(e.getExtensions())
                        .containsEntry("code", "BAD_USER_INPUT").containsEntry("field", "input.reminders.email")));
        read.execute().path("notificationPreferences.reminders.email").entity(Boolean.class).isEqualTo(true);

        patient.api().tester().document("mutation { updateNotificationPreferences(input: {reminders: {email: false}}) { reminders { email } } }")
                .execute().path("updateNotificationPreferences.reminders.email").entity(Boolean.class).isEqualTo(false);
        read.execute().path("notificationPreferences.reminders.email").entity(Boolean.class).isEqualTo(false);
        assertCode(anonymous.tester().document("{ notificationPreferences { reminders { email } } }").execute().errors(), "UNAUTHENTICATED");
    }

    @Test
    void aConfirmedConsultationOffersACalendarFileWithTheInvitesUid() {
        String appointment = book(clock.inDays(4, 15));
        String query = "query($id: ID!) { appointment(id: $id) { calendarFile { fileName contentType content } } }";
        patient.api().tester().document(query).variable("id", appointment).execute().path("appointment.calendarFile").valueIsNull();

        accept(appointment);
        Map<String, Object> file = patient.api().tester().document(query).variable("id", appointment).execute()
                .path("appointment.calendarFile").entity(Map.class).get();
        assertThat(file).containsEntry("fileName", "consulta.ics").containsEntry("contentType", "text/calendar; charset=UTF-8");
        assertThat(unfolded((String) file.get("content"))).contains("METHOD:PUBLISH", "UID:" + GlobalIds.key(appointment) + "@healthmed.com.br",
                "SUMMARY:Consulta online com " + doctor.name() + " (CRM ");
        assertThat(unfolded((String) doctor.api().tester().document(query).variable("id", appointment).execute()
                .path("appointment.calendarFile.content").entity(String.class).get()))
                .contains("SUMMARY:Consulta online com " + patient.name());
    }

    // --- helpers --------------------------------------------------------------------------------

    private AppointmentEventListener notifications() {
        return listeners.stream().filter(l -> l.name().equals("notifications")).findFirst().orElseThrow();
    }

    private String book(Instant start) {
        return (String) patient.book(doctor.publish(start), "k-" + UUID.randomUUID()).get("id");
    }

    /** Booked by the patient, accepted by the doctor, and the confirmation e-mailed: the reminders are planned. */
    private String confirmed(Instant start) {
        String appointment = book(start);
        accept(appointment);
        awaitMail(patientEmail, "Consulta confirmada");
        return appointment;
    }

    private void accept(String appointment) {
        doctor.api().tester().document("mutation($id: ID!) { acceptAppointment(id: $id) { status } }").variable("id", appointment)
                .execute().path("acceptAppointment.status").entity(String.class).isEqualTo("CONFIRMED");
    }

    private static String local(Instant instant) {
        return java.time.format.DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss").format(instant.atZone(SAO_PAULO));
    }

    private static String unfolded(String ics) {
        return ics.replace("\r\n ", "");
    }

    private static long sequence(String ics) {
        Matcher matcher = Pattern.compile("SEQUENCE:(\\d+)").matcher(unfolded(ics));
        assertThat(matcher.find()).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> attachment(Map<String, Object> mail) {
        List<Map<String, Object>> attachments = (List<Map<String, Object>>) mail.get("attachments");
        assertThat(attachments).hasSize(1);
        assertThat(attachments.get(0)).containsEntry("fileName", "consulta.ics");
        return attachments.get(0);
    }

    private static boolean isReminder(String subject) {
        return subject.startsWith("Lembrete");
    }

    private List<String> subjects(String address) {
        return anonymous.mailbox().subjects(address);
    }

    /** Events reach notifications through the relay, after the mutation has answered: wait for the e-mail. */
    private Map<String, Object> awaitMail(String address, String subjectStart) {
        return anonymous.mailbox().await(address, subjectStart);
    }

    private List<Map<String, Object>> mailbox(String address) {
        return anonymous.mailbox().to(address);
    }

    private static void assertCode(GraphQlTester.Errors errors, String code) {
        errors.satisfy(list -> assertThat(list).extracting(ResponseError::getExtensions)
                .anySatisfy(ext -> assertThat(ext).containsEntry("code", code)));
    }
}
