package br.com.healthmed.support;

import java.net.URI;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

/**
 * s3proxy 4.1.0, an S3-compatible server, started once per test JVM in-process on a free loopback
 * port, in memory, and stopped when the JVM exits. It checks signatures: clients sign with
 * {@link #ACCESS_KEY}/{@link #SECRET_KEY}, as the S3 adapter does when given an endpoint.
 */
public final class InProcessS3 {

    public static final String ACCESS_KEY = "local";
    public static final String SECRET_KEY = "local";

    private static URI endpoint;

    private InProcessS3() {}

    /** The endpoint of the running server, starting it on first use. */
    public static synchronized URI endpoint() {
        if (endpoint == null) {
            try {
                S3Proxy proxy = S3Proxy.builder().blobStore(new TransientNio2BlobStore())
                        .endpoint(URI.create("http://127.0.0.1:0"))
                        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                        .build();
                proxy.start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        proxy.stop();
                    } catch (Exception ignored) {
                        // the JVM is ending anyway
                    }
                }));
                endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
            } catch (Exception e) {
                throw new IllegalStateException("s3proxy did not start", e);
            }
        }
        return endpoint;
    }

    /** Creates the bucket unless it exists; returns its name. */
    public static String bucket(String name) {
        try (S3Client s3 = S3Client.builder().endpointOverride(endpoint()).forcePathStyle(true).region(Region.SA_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .build()) {
            s3.createBucket(b -> b.bucket(name));
        } catch (BucketAlreadyOwnedByYouException exists) {
            // created by an earlier test
        }
        return name;
    }
}
