package br.com.healthmed.consent.api;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.scheduling.TestUser;
import br.com.healthmed.support.Api;
import br.com.healthmed.support.ClockedApiTest;
import br.com.healthmed.support.Errors;
import br.com.healthmed.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * The teleconsultation consent through the API: a patient reads and accepts it before booking, the
 * doctor sees on the appointment that (and when) it was given, and a patient without the consent in
 * force gets no meeting link. Run on both storage adapters, in the context the other
 * {@link ClockedApiTest}s share.
 */
@ClockedApiTest
abstract class ConsentApiContract {


    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    Api api;
    TestUser doctor;

    @BeforeEach
    void users() {
        clock.flowFrom(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        api = Api.at(port);
        doctor = TestUser.doctor(api);
    }

    @Test
    void aPatientAcceptsTheConsentInForceBeforeBookingAndTheDoctorSeesWhen() {
        TestUser patient = patientWithoutConsent();
        String version = patient.api().document("teleconsultationConsent").execute()
                .path("teleconsultationConsent.text").entity(String.class)
                .satisfies(text -> assertThat(text).startsWith("TERMO DE CONSENTIMENTO LIVRE E ESCLARECIDO PARA TELECONSULTA")
                        .contains("Resolução CFM nº 2.314/2022", "192 (SAMU)", "20 anos"))
                .path("teleconsultationConsent.myAcceptance").valueIsNull()
                .path("teleconsultationConsent.version").entity(String.class).get();
        String slot = doctor.publish(clock.inDays(2, 10));

        ResponseError refused = Errors.single(book(patient, slot));
        assertThat(refused.getExtensions()).containsEntry("code", "CONSENT_REQUIRED").containsEntry("version", version);
        ResponseError outdated = Errors.single(accept(patient, "0"));
        assertThat(outdated.getExtensions()).containsEntry("code", "CONSENT_VERSION_OUTDATED").containsEntry("currentVersion", version);
        Errors.assertCode(accept(doctor, version), "WRONG_ROLE");

        String acceptedAt = accept(patient, version).execute()
                .path("acceptTeleconsultationConsent.version").entity(String.class).isEqualTo(version)
                .path("acceptTeleconsultationConsent.acceptedAt").entity(String.class).get();
        accept(patient, version).execute().path("acceptTeleconsultationConsent.acceptedAt").entity(String.class).isEqualTo(acceptedAt);
        patient.api().document("teleconsultationConsent").execute()
                .path("teleconsultationConsent.myAcceptance.acceptedAt").entity(String.class).isEqualTo(acceptedAt);

        String appointment = (String) patient.book(slot, "k-" + UUID.randomUUID()).get("id");
        doctor.api().document("appointmentConsent").variable("id", appointment).execute()
                .path("appointment.status").entity(String.class).isEqualTo("REQUESTED")
                .path("appointment.patientConsent.version").entity(String.class).isEqualTo(version)
                .path("appointment.patientConsent.acceptedAt").entity(String.class).isEqualTo(acceptedAt);
    }

    @Test
    void withoutTheConsentInForceThePatientGetsNoMeetingLinkAndCannotBookUntilAcceptingAgain() {
        TestUser patient = TestUser.patient(api); // has accepted the consent
        Instant start = clock.inDays(2, 10);
        String appointment = (String) patient.book(doctor.publish(start), "k-" + UUID.randomUUID()).get("id");
        doctor.api().tester().document("mutation($id: ID!) { acceptAppointment(id: $id) { status } }").variable("id", appointment)
                .execute().path("acceptAppointment.status").entity(String.class).isEqualTo("CONFIRMED");
        clock.flowFrom(start.minus(Duration.ofMinutes(10)));
        consentQuery(patient, appointment).execute().path("appointment.meeting.joinUrl").hasValue();

        patient.api().tester().document("mutation { withdrawTeleconsultationConsent }").execute()
                .path("withdrawTeleconsultationConsent").entity(Boolean.class).isEqualTo(true);
        patient.api().tester().document("mutation { withdrawTeleconsultationConsent }").execute()
                .path("withdrawTeleconsultationConsent").entity(Boolean.class).isEqualTo(false);

        consentQuery(patient, appointment).execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).hasSize(1);
                    assertThat(errors.get(0).getExtensions()).containsEntry("code", "CONSENT_REQUIRED");
                    assertThat(errors.get(0).getPath()).isEqualTo("appointment.meeting.joinUrl");
                })
                .path("appointment.meeting.joinUrl").valueIsNull()
                .path("appointment.meeting.opensAt").hasValue();
        consentQuery(doctor, appointment).execute()
                .path("appointment.meeting.joinUrl").hasValue()
                .path("appointment.patientConsent").valueIsNull();
        Errors.assertCode(book(patient, doctor.publish(clock.inDays(3, 10))), "CONSENT_REQUIRED");

        String version = patient.api().document("teleconsultationConsent").execute()
                .path("teleconsultationConsent.version").entity(String.class).get();
        String acceptedAgain = accept(patient, version).execute().path("acceptTeleconsultationConsent.acceptedAt").entity(String.class).get();
        consentQuery(patient, appointment).execute().path("appointment.meeting.joinUrl").hasValue();
        consentQuery(doctor, appointment).execute().path("appointment.patientConsent.acceptedAt").entity(String.class).isEqualTo(acceptedAgain);
    }

    private TestUser patientWithoutConsent() {
        Map<String, Object> session = api.registerPatientWithoutConsent(Api.newPatient());
        @SuppressWarnings("unchecked")
        Map<String, Object> account = (Map<String, Object>) session.get("account");
        String token = (String) session.get("accessToken");
        return new TestUser((String) account.get("id"), (String) account.get("name"), token, api.as(token));
    }

    private static GraphQlTester.Request<?> consentQuery(TestUser who, String appointment) {
        return who.api().document("appointmentConsent").variable("id", appointment);
    }

    private static GraphQlTester.Request<?> accept(TestUser who, String version) {
        return who.api().document("acceptTeleconsultationConsent").variable("version", version);
    }

    private static GraphQlTester.Request<?> book(TestUser patient, String slot) {
        return patient.api().tester().document("mutation($s: ID!, $k: String!) { bookAppointment(slotId: $s, idempotencyKey: $k) { appointment { id } } }")
                .variable("s", slot).variable("k", "k-" + UUID.randomUUID());
    }

}
