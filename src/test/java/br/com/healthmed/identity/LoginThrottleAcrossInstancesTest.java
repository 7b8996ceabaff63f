package br.com.healthmed.identity;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.support.Api;
import br.com.healthmed.support.TwoInstances;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Two replicas sharing one Redis: failed logins on either count against one budget, so a guesser
 * spreading attempts over the load balancer's instances gets no more tries than on one.
 */
class LoginThrottleAcrossInstancesTest {

    @RegisterExtension
    static final TwoInstances instances = new TwoInstances();

    @Test
    void failuresOnOneInstanceCountOnTheOther() {
        Map<String, Object> patient = Api.newPatient();
        patient(instances.a()).documentName("registerPatient").variable("input", patient).execute()
                .path("registerPatient.email").hasValue();
        String email = (String) patient.get("email");
        for (int i = 0; i < 3; i++) {
            assertThat(login(instances.a(), email, "wrong password " + i)).isEqualTo("INVALID_CREDENTIALS");
        }
        for (int i = 0; i < 2; i++) {
            assertThat(login(instances.b(), email, "wrong password " + i)).isEqualTo("INVALID_CREDENTIALS");
        }

        // five failures in all: locked on both instances, even with the right password
        assertThat(login(instances.a(), email, Api.PASSWORD)).isEqualTo("TOO_MANY_ATTEMPTS");
        assertThat(login(instances.b(), email, Api.PASSWORD)).isEqualTo("TOO_MANY_ATTEMPTS");
    }

    /** The error code of a login, or "OK". */
    private static String login(TwoInstances.Instance instance, String email, String password) {
        String[] code = {"OK"};
        patient(instance).documentName("loginPatient").variable("login", email).variable("password", password).execute()
                .errors().satisfy(errors -> errors.stream().findFirst().map(ResponseError::getExtensions)
                        .ifPresent(extensions -> code[0] = String.valueOf(extensions.get("code"))));
        return code[0];
    }

    /** A client with room for a slow password hash on a busy test machine. */
    private static HttpGraphQlTester patient(TwoInstances.Instance instance) {
        return HttpGraphQlTester.create(WebTestClient.bindToServer().baseUrl(instance.api().baseUrl() + "/graphql")
                .responseTimeout(Duration.ofSeconds(60)).build());
    }
}
