package br.com.healthmed.records.blob;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.records.BlobStore;
import br.com.healthmed.records.ObjectKey;
import br.com.healthmed.records.ScanStatus;
import br.com.healthmed.support.InProcessS3;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The S3 adapter against s3proxy 4.1.0, an S3-compatible server started in-process ({@link InProcessS3}),
 * which checks signatures.
 */
class S3BlobStoreTest extends BlobStoreContract {

    private static final String BUCKET = "healthmed-records-test";

    private static S3Client s3;
    private static S3Presigner presigner;
    private static S3Properties properties;
    private static BlobStore store;

    @BeforeAll
    static void start() {
        properties = new S3Properties(InProcessS3.bucket(BUCKET), "sa-east-1", "alias/healthmed-records", InProcessS3.endpoint(),
                100, java.time.Duration.ofSeconds(1), java.time.Duration.ofMillis(500), java.time.Duration.ofSeconds(30),
                br.com.healthmed.platform.storage.GuardProperties.defaults());
        BlobStoreConfig.S3 config = new BlobStoreConfig.S3();
        s3 = config.s3Client(properties, config.s3Guard(properties));
        presigner = config.s3Presigner(properties);
        store = config.blobStore(s3, presigner, properties);
    }

    @AfterAll
    static void stop() {
        presigner.close();
        s3.close();
    }

    @Override
    protected BlobStore store() {
        return store;
    }

    @Test
    void theScanStatusIsGuardDutysTagOnTheObject() {
        ObjectKey key = stored(bytes(100));
        assertThat(store.scanStatus(key)).as("not scanned yet").isEqualTo(ScanStatus.PENDING_SCAN);

        Map<String, ScanStatus> verdicts = Map.of("NO_THREATS_FOUND", ScanStatus.CLEAN, "THREATS_FOUND", ScanStatus.MALWARE_DETECTED,
                "UNSUPPORTED", ScanStatus.NOT_SCANNABLE, "ACCESS_DENIED", ScanStatus.SCAN_FAILED, "FAILED", ScanStatus.SCAN_FAILED,
                "SOMETHING_NEW", ScanStatus.SCAN_FAILED);
        verdicts.forEach((tagValue, status) -> {
            InProcessS3.tagAsGuardDuty(BUCKET, "records/" + key.value(), tagValue);
            assertThat(store.scanStatus(key)).as(tagValue).isEqualTo(status);
        });
    }

    /** Signed with the same credentials, as the SDK would have ten minutes ago, for 60 seconds. */
    @Override
    protected URI expiredDownloadUrl(ObjectKey key, String contentType, String disposition) {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.GET)
                .uri(URI.create(properties.endpoint() + "/" + BUCKET + "/records/" + key.value()))
                .build();
        return AwsV4HttpSigner.create().sign(r -> r.identity(AwsCredentialsIdentity.create(InProcessS3.ACCESS_KEY, InProcessS3.SECRET_KEY))
                        .request(request)
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, properties.region())
                        .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4HttpSigner.AuthLocation.QUERY_STRING)
                        .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, Duration.ofSeconds(60))
                        .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false)
                        .putProperty(HttpSigner.SIGNING_CLOCK, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-10))))
                .request().getUri();
    }
}
