package br.com.healthmed.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.healthmed.HealthMedApplication;
import br.com.healthmed.support.Api;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Whose {@code X-Forwarded-For} is believed, seen where it matters: the client address that failed
 * logins are counted against (here at most 3 per address). The tests' requests come from 127.0.0.1,
 * which Tomcat's own default would trust like every private (in a cluster: every pod's) address.
 */
class TrustedProxiesTest {

    private static ConfigurableApplicationContext start(String... properties) {
        String[] arguments = Stream.concat(Stream.of("server.port=0", "healthmed.login-throttle.max-failures-per-address=3",
                        // as inside a Kubernetes cluster, where Spring Boot would switch forwarded headers on by itself
                        "spring.main.cloud-platform=kubernetes"), Stream.of(properties))
                .map(p -> "--" + p).toArray(String[]::new);
        return new SpringApplicationBuilder(HealthMedApplication.class).registerShutdownHook(false).run(arguments);
    }

    /** A failed login of a fresh, unknown e-mail, through a client that says it forwards for {@code forwardedFor}; its error code. */
    private static String failedLogin(ConfigurableApplicationContext context, String forwardedFor) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        HttpGraphQlTester tester = Api.at(port).tester().mutate().header("X-Forwarded-For", forwardedFor).build();
        String[] code = new String[1];
        tester.documentName("loginPatient").variable("login", "nobody." + System.nanoTime() + "@example.com")
                .variable("password", "not the password").execute()
                .errors().satisfy(errors -> code[0] = (String) errors.get(0).getExtensions().get("code"));
        return code[0];
    }

    @Test
    void withNoTrustedProxyAForgedHeaderDoesNotChangeTheAddressLoginsAreCountedAgainst() {
        try (ConfigurableApplicationContext context = start("healthmed.web.trusted-proxies=")) {
            for (int i = 1; i <= 3; i++) {
                assertThat(failedLogin(context, "198.51.100." + i)).isEqualTo("INVALID_CREDENTIALS");
            }
            // every "different client" was 127.0.0.1, and 127.0.0.1 has used up its failures
            assertThat(failedLogin(context, "198.51.100.4")).isEqualTo("TOO_MANY_ATTEMPTS");
        }
    }

    @Test
    void fromATrustedProxyTheForwardedClientIsCountedAndWhatTheClientPrependedIsNot() {
        try (ConfigurableApplicationContext context = start("healthmed.web.trusted-proxies=10.0.0.0/24,127.0.0.1")) {
            for (int i = 1; i <= 3; i++) {
                // the load balancer appends the address it saw; what the client sent stays in front of it
                assertThat(failedLogin(context, "203.0.113." + i + ", 198.51.100.7")).isEqualTo("INVALID_CREDENTIALS");
            }
            assertThat(failedLogin(context, "203.0.113.9, 198.51.100.7")).isEqualTo("TOO_MANY_ATTEMPTS");
            // another client behind the same proxy is not locked out with it
            assertThat(failedLogin(context, "198.51.100.8")).isEqualTo("INVALID_CREDENTIALS");
        }
    }

    @Test
    void aTrustedProxyThatIsNotANetworkStopsStartUp() {
        assertThatThrownBy(() -> start("healthmed.web.trusted-proxies=10.0.0.0/33").close())
                .hasStackTraceContaining("healthmed.web.trusted-proxies").hasStackTraceContaining("10.0.0.0/33");
        assertThatThrownBy(() -> start("server.forward-headers-strategy=native").close())
                .hasStackTraceContaining("server.forward-headers-strategy must stay 'none'");
    }
}
