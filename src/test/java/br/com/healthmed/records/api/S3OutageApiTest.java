package br.com.healthmed.records.api;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.platform.storage.StorageGuard;
import br.com.healthmed.support.Api;
import br.com.healthmed.support.FaultyProxy;
import br.com.healthmed.support.Outages;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * S3 in trouble, as the records' clients meet it: the service runs with {@code healthmed.blob-store=s3}
 * against an in-process s3proxy behind {@link FaultyProxy}, which answers 500s or nothing at all, with the
 * production bounds. A failing or silent S3 gets a coded, retryable {@code STORAGE_UNAVAILABLE} (never
 * INTERNAL_ERROR); after enough failures S3's own breaker stops calling it, its health indicator says DOWN (readiness does not), and
 * DynamoDB's breaker is not involved; once S3 heals, so does the service. (This s3proxy does not check
 * signatures: the proxy in between changes the Host header, which a signature covers; {@code
 * S3RecordsApiTest} checks signatures.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class S3OutageApiTest {

    private static final String BUCKET = "healthmed-s3-outage";
    private static final URI S3 = startS3();
    private static final FaultyProxy PROXY = FaultyProxy.in(S3);

    private static URI startS3() {
        try {
            S3Proxy s3 = S3Proxy.builder().blobStore(new TransientNio2BlobStore())
                    .endpoint(URI.create("http://127.0.0.1:0")).awsAuthentication(AuthenticationType.NONE, "", "").build();
            s3.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    s3.stop();
                } catch (Exception ignored) {
                    // the JVM is ending anyway
                }
            }));
            URI endpoint = URI.create("http://127.0.0.1:" + s3.getPort());
            try (S3Client client = S3Client.builder().endpointOverride(endpoint).forcePathStyle(true).region(Region.SA_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build()) {
                client.createBucket(b -> b.bucket(BUCKET));
            }
            return endpoint;
        } catch (Exception e) {
            throw new IllegalStateException("s3proxy did not start", e);
        }
    }

    @DynamicPropertySource
    static void s3BehindTheProxy(DynamicPropertyRegistry registry) {
        registry.add("healthmed.blob-store", () -> "s3");
        registry.add("healthmed.s3.bucket", () -> BUCKET);
        registry.add("healthmed.s3.kms-key-id", () -> "alias/healthmed-records");
        registry.add("healthmed.s3.endpoint", () -> PROXY.endpoint().toString());
        Outages.quickBreaker(registry, "healthmed.s3.guard");
    }

    @AfterAll
    static void stopProxy() {
        PROXY.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("s3Guard")
    StorageGuard guard;

    @Autowired
    S3Client s3;

    RecordClient patient;

    @BeforeEach
    void s3HealthyAndAPatient() {
        PROXY.heal();
        awaitS3Back();
        patient = RecordClient.patient(Api.at(port));
    }

    @Test
    void metadataCallsAreBoundedWellUnderASecondAndGoThroughS3sOwnGuard() {
        var configuration = s3.serviceClientConfiguration().overrideConfiguration();
        assertThat(configuration.apiCallTimeout()).hasValue(Duration.ofSeconds(1));
        assertThat(configuration.apiCallAttemptTimeout()).hasValue(Duration.ofMillis(500));
        assertThat(configuration.executionInterceptors()).contains(guard);
    }

    @Test
    void aHeadAnsweredWithoutItsLengthGetsStorageUnavailableNotAnInternalError() {
        String fileId = uploaded();
        PROXY.dropHeadContentLength();
        try {
            assertRetryable(complete(fileId));
        } finally {
            PROXY.heal();
        }
        complete(fileId).path("completeFileUpload.id").entity(String.class).isEqualTo(fileId);
    }

    @Test
    void anS3ThatDoesNotAnswerGetsStorageUnavailableNotAnInternalError() {
        String fileId = uploaded();
        PROXY.failEvery(FaultyProxy.Fault.STALL);
        assertRetryable(complete(fileId));
    }

    @Test
    void aFailingS3GetsRetryableAnswersThenNoMoreCallsAndItsHealthDownUntilItIsBackWhileReadinessStaysUp() throws Exception {
        String fileId = uploaded();
        PROXY.failEvery(FaultyProxy.Fault.SERVER_ERROR);
        for (int call = 0; guard.state() != CircuitBreaker.State.OPEN; call++) {
            assertThat(call).as("the breaker opens after the configured failures").isLessThan(30);
            assertRetryable(complete(fileId));
        }

        int reachedS3 = PROXY.received();
        for (int call = 0; call < 10; call++) {
            assertRetryable(complete(fileId));
        }
        assertThat(PROXY.received() - reachedS3).as("requests reaching an S3 the breaker has given a rest").isLessThan(3);
        assertThat(Outages.health(port)).as("the s3 indicator, with the breaker open").isEqualTo(503);
        assertThat(Outages.readiness(port)).as("S3 is not in readiness: the pod keeps its traffic").isEqualTo(200);
        // what does not need S3 still answers
        patient.document("myRecord").execute().path("myRecord.usedBytes").entity(Long.class).isEqualTo(0L);

        PROXY.heal();
        awaitS3Back();
        complete(fileId).path("completeFileUpload.id").entity(String.class).isEqualTo(fileId);
    }

    /** Only the id: this s3proxy has no object tagging, which the scan status would read. */
    private GraphQlTester.Response complete(String fileId) {
        return patient.api.tester().document("mutation($id: ID!) { completeFileUpload(fileId: $id) { id } }")
                .variable("id", fileId).execute();
    }

    /** An upload whose bytes are in S3, not completed yet: completing it asks S3 (HEAD, then the first bytes). */
    private String uploaded() {
        byte[] bytes = Samples.pdf(1_000);
        Map<String, Object> ticket = patient.requestUpload("exame.pdf", "application/pdf", bytes.length, List.of());
        HttpResponse<String> put = RecordClient.put(ticket, bytes);
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        return (String) ticket.get("fileId");
    }

    private static void assertRetryable(GraphQlTester.Response response) {
        Outages.assertRetryable(response, "STORAGE_UNAVAILABLE");
    }

    /** The s3 health indicator runs a HeadBucket: each poll is a probe through S3's breaker. */
    private void awaitS3Back() {
        Outages.awaitClosed(guard, () -> Outages.health(port) == 200);
    }
}
