package br.com.healthmed.identity;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.platform.encoding.Base32;
import br.com.healthmed.support.Api;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * With two-factor login mandatory for doctors, a doctor without it cannot log in; the refusal carries a
 * ticket with which they enrol, and confirming the enrolment logs them in. Patients are not affected.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "healthmed.identity.two-factor.mandatory-for-doctors=true")
class MandatoryTwoFactorApiTest {

    @LocalServerPort
    int port;

    @Test
    @SuppressWarnings("unchecked")
    void aDoctorWithoutASecondFactorEnrolsWithTheTicketOfTheRefusedLoginAndIsThenLoggedIn() {
        Api api = Api.at(port);
        Map<String, Object> doctor = Api.newDoctor();
        api.registerDoctor(doctor);

        Map<String, Object>[] refusal = new Map[1];
        api.document("loginDoctor").variable("crm", doctor.get("crm")).variable("password", Api.PASSWORD).execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).hasSize(1);
                    refusal[0] = errors.get(0).getExtensions();
                })
                .path("loginDoctor").pathDoesNotExist();
        assertThat(refusal[0]).containsEntry("code", "TWO_FACTOR_ENROLMENT_REQUIRED");
        assertThat(Instant.parse((String) refusal[0].get("expiresAt"))).isAfter(Instant.now());
        String ticket = (String) refusal[0].get("enrolmentTicket");

        String secret = api.document("beginTwoFactorEnrolment").variable("ticket", ticket).execute()
                .path("beginTwoFactorEnrolment.secret").entity(String.class).get();
        String code = Totp.code(Base32.decode(secret).orElseThrow(), Totp.step(Instant.now()));
        Map<String, Object> confirmation = api.document("confirmTwoFactorEnrolment").variable("code", code).variable("ticket", ticket)
                .execute().path("confirmTwoFactorEnrolment").entity(Map.class).get();
        assertThat((List<String>) confirmation.get("recoveryCodes")).hasSize(10);
        String accessToken = (String) ((Map<String, Object>) confirmation.get("session")).get("accessToken");
        assertThat(api.meAnswer(accessToken)).isEqualTo("OK");

        api.document("beginTwoFactorEnrolment").variable("ticket", ticket).execute().errors()
                .satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "INVALID_CHALLENGE")));
        api.document("loginDoctor").variable("crm", doctor.get("crm")).variable("password", Api.PASSWORD).execute()
                .path("loginDoctor.__typename").entity(String.class).isEqualTo("SecondFactorRequired");
    }

    @Test
    void patientsStillLogInWithThePasswordAlone() {
        Api api = Api.at(port);
        Map<String, Object> patient = Api.newPatient();
        api.registerPatient(patient);
        api.document("loginPatient").variable("login", patient.get("email")).variable("password", Api.PASSWORD).execute()
                .path("loginPatient.__typename").entity(String.class).isEqualTo("AuthPayload")
                .path("loginPatient.accessToken").hasValue();
    }
}
