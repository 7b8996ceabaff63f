package br.com.healthmed.support;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.platform.storage.StorageGuard;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;

/** What the storage-outage tests (DynamoDB's, S3's) check alike: coded answers, readiness, the breaker's recovery. */
public final class Outages {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Outages() {}

    /** A smaller breaker window and pause than production's ({@code prefix}: {@code healthmed.s3.guard}...), so a test opens and closes it quickly. */
    public static void quickBreaker(DynamicPropertyRegistry registry, String prefix) {
        registry.add(prefix + ".window", () -> "10");
        registry.add(prefix + ".minimum-calls", () -> "5");
        registry.add(prefix + ".open-for", () -> "PT3S");
    }

    /** One error, with {@code code} and a {@code retryAfterSeconds}, and no exception's text. */
    public static void assertRetryable(GraphQlTester.Response response, String code) {
        response.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies((ResponseError error) -> {
            assertThat(error.getExtensions()).containsEntry("code", code);
            assertThat(error.getExtensions().get("retryAfterSeconds")).isInstanceOf(Integer.class);
            assertThat(error.getMessage()).doesNotContain("Exception", "software.amazon");
        }));
    }

    /** The HTTP status of {@code /actuator/health/readiness}; 0 when it cannot be reached. */
    public static int readiness(int port) {
        return status(port, "/actuator/health/readiness");
    }

    /** The HTTP status of {@code /actuator/health}, every indicator's; 0 when it cannot be reached. */
    public static int health(int port) {
        return status(port, "/actuator/health");
    }

    private static int status(int port, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return 0;
        }
    }

    /**
     * The breaker lets probes through after its pause: calls {@code probe} (which must reach the dependency:
     * nothing else may be calling it) until it answers and the breaker has closed, for at most 30 s.
     */
    public static void awaitClosed(StorageGuard guard, BooleanSupplier probe) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!probe.getAsBoolean() || guard.state() != CircuitBreaker.State.CLOSED) {
            assertThat(Instant.now()).as(() -> "the dependency back within 30 s of healing; breaker " + guard.state())
                    .isBefore(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
