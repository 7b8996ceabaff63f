package br.com.healthmed.identity.api;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Mass registration from one address is cut off (each one costs a password hash and can probe identities). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "healthmed.login-throttle.max-registrations-per-address=3")
class RegistrationThrottleApiTest {

    @LocalServerPort
    int port;

    @Test
    void theFourthRegistrationFromOneAddressWithinTheWindowIsRefused() {
        Api api = Api.at(port);
        for (int i = 0; i < 3; i++) {
            api.registerPatient(Api.newPatient());
        }

        var error = IdentityApiContract.singleError(api.document("registerPatient").variable("input", Api.newPatient()));

        assertThat(error.getExtensions()).containsEntry("code", "TOO_MANY_ATTEMPTS").containsKey("retryAfterSeconds");
    }
}
