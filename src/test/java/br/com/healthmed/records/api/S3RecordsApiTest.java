package br.com.healthmed.records.api;

import java.net.URI;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The records API with {@code healthmed.blob-store=s3} against s3proxy (in-process, checking
 * signatures): clients go through exactly the same presigned-URL flow as with the embedded store.
 */
class S3RecordsApiTest extends RecordsApiContract {

    private static final String BUCKET = "healthmed-records-api";
    private static URI endpoint;

    @DynamicPropertySource
    static void s3(DynamicPropertyRegistry registry) {
        registry.add("healthmed.blob-store", () -> "s3");
        registry.add("healthmed.s3.bucket", () -> BUCKET);
        registry.add("healthmed.s3.kms-key-id", () -> "alias/healthmed-records");
        registry.add("healthmed.s3.endpoint", () -> started().toString());
    }

    private static synchronized URI started() {
        if (endpoint == null) {
            try {
                S3Proxy proxy = S3Proxy.builder().blobStore(new TransientNio2BlobStore())
                        .endpoint(URI.create("http://127.0.0.1:0"))
                        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "local", "local")
                        .build();
                proxy.start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        proxy.stop();
                    } catch (Exception ignored) {
                        // the JVM is ending
                    }
                }));
                endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
                try (S3Client s3 = S3Client.builder().endpointOverride(endpoint).forcePathStyle(true).region(Region.SA_EAST_1)
                        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                        .build()) {
                    s3.createBucket(b -> b.bucket(BUCKET));
                }
            } catch (Exception e) {
                throw new IllegalStateException("s3proxy did not start", e);
            }
        }
        return endpoint;
    }
}
