package br.com.healthmed.platform.storage;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** HeadBucket against a stub S3 on loopback that knows one bucket. */
class S3BucketHealthIndicatorTest {

    private HttpServer stub;
    private S3Client s3;

    @BeforeEach
    void start() throws Exception {
        stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        stub.createContext("/", exchange -> {
            boolean known = exchange.getRequestMethod().equals("HEAD") && exchange.getRequestURI().getPath().equals("/records-bucket");
            exchange.sendResponseHeaders(known ? 200 : 404, -1);
            exchange.close();
        });
        stub.start();
        s3 = S3Client.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + stub.getAddress().getPort()))
                .forcePathStyle(true)
                .region(Region.SA_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    @AfterEach
    void stop() {
        s3.close();
        stub.stop(0);
    }

    @Test
    void upWhenTheBucketAnswers() {
        assertThat(new S3BucketHealthIndicator(s3, "records-bucket", () -> CircuitBreaker.State.CLOSED).health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void downWhenItDoesNot() {
        assertThat(new S3BucketHealthIndicator(s3, "another-bucket", () -> CircuitBreaker.State.CLOSED).health().getStatus()).isEqualTo(Status.DOWN);
    }
}
