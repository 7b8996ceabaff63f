package br.com.healthmed;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.scheduling.ServiceWithTestClock;
import br.com.healthmed.scheduling.TestUser;
import br.com.healthmed.support.Api;
import br.com.healthmed.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Nullability designed for partial results (issue 13): what a caller may not see, or a root field the
 * caller may not use, answers null with a coded error at its own path, and the rest of the answer stays.
 * On the old schema each of these fields was non-null, so its error nulled its parent up to the whole
 * {@code data}: the name beside a hidden e-mail, and the public field asked beside a refused one, were lost.
 * Ids come from answers and go back as opaque strings (written into the documents, so that the tests do
 * not depend on the id scalar's name).
 */
@ServiceWithTestClock // as SchedulingApiContract: one application context for both
class PartialResultsApiTest {

    /** A public field asked beside the refused one: it must survive the refusal. */
    private static final String SIBLING = " specialties { code }";

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    TestUser doctor;
    TestUser patient;
    TestUser otherPatient;

    @BeforeEach
    void users() {
        clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        Api anonymous = Api.at(port);
        doctor = TestUser.doctor(anonymous);
        patient = TestUser.patient(anonymous);
        otherPatient = TestUser.patient(anonymous);
    }

    @Test
    void aDoctorReadsTheirPatientsNameAndNullWithNotFoundForEachPrivateField() {
        String appointment = booked();
        List<String> hidden = List.of("email", "emailVerified", "cpf", "birthDate", "phone");

        GraphQlTester.Traversable answer = doctor.api().tester()
                .document("{ appointment(id: \"" + appointment + "\") { id patient { name " + String.join(" ", hidden) + " } } }")
                .execute().errors().satisfy(errors -> assertThat(errors)
                        .allSatisfy(e -> assertThat(e.getExtensions()).containsEntry("code", "NOT_FOUND"))
                        .extracting(ResponseError::getPath)
                        .containsExactlyInAnyOrderElementsOf(hidden.stream().map(f -> "appointment.patient." + f).toList()));
        answer.path("appointment.id").entity(String.class).isEqualTo(appointment);
        answer.path("appointment.patient.name").entity(String.class).isEqualTo(patient.name());
        hidden.forEach(field -> answer.path("appointment.patient." + field).valueIsNull());
    }

    @Test
    void anotherPatientsAppointmentIsNullWithNotFound() {
        String appointment = booked();
        refused(otherPatient, "appointment(id: \"" + appointment + "\") { id }", "appointment", "NOT_FOUND");
    }

    @Test
    void theRootsOfTheOtherRoleAreNullWithWrongRole() {
        String from = clock.instant().toString();
        String to = clock.instant().plus(Duration.ofDays(7)).toString();
        refused(patient, "myAgenda(from: \"" + from + "\", to: \"" + to + "\") { id }", "myAgenda", "WRONG_ROLE");
        refused(patient, "myBookingRules { instantBooking }", "myBookingRules", "WRONG_ROLE");
        refused(doctor, "myWaitlist { id }", "myWaitlist", "WRONG_ROLE");
        refused(doctor, "myRecord { usedBytes }", "myRecord", "WRONG_ROLE");
        refused(doctor, "myShares { id }", "myShares", "WRONG_ROLE");
    }

    @Test
    void anotherPatientsFileNoteAndDataExportAreNullWithNotFound() {
        String file = (String) patient.api().tester().document("""
                mutation { requestFileUpload(input: {fileName: "exame.pdf", contentType: "application/pdf", sizeBytes: 1000,
                  category: EXAM}) { fileId } }""").execute().path("requestFileUpload.fileId").entity(String.class).get();
        refused(otherPatient, "fileDownload(fileId: \"" + file + "\") { url }", "fileDownload", "NOT_FOUND");

        // an id that names no note the caller may read (here: no note at all) is NOT_FOUND like any other
        refused(otherPatient, "consultationNote(id: \"" + booked() + "\") { id }", "consultationNote", "NOT_FOUND");

        String export = patient.api().tester().document("mutation { requestDataExport { id } }").execute()
                .path("requestDataExport.id").entity(String.class).get();
        refused(otherPatient, "dataExport(id: \"" + export + "\") { id }", "dataExport", "NOT_FOUND");
    }

    /** {@code field} asked beside a public one: null with {@code code} at its path, the public one answered. */
    private void refused(TestUser who, String field, String path, String code) {
        GraphQlTester.Traversable answer = who.api().tester().document("{ " + field + SIBLING + " }").execute().errors()
                .satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getPath()).isEqualTo(path);
                    assertThat(e.getExtensions()).containsEntry("code", code);
                }));
        answer.path(path).valueIsNull();
        answer.path("specialties").entityList(Map.class).satisfies(list -> assertThat(list).isNotEmpty());
    }

    /** A request of {@code patient} on a slot of {@code doctor}; the appointment's id. */
    private String booked() {
        String slot = doctor.publish(clock.instant().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS));
        return (String) patient.book(slot, "k-" + UUID.randomUUID()).get("id");
    }
}
